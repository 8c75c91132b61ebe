package org.arflow.clock;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Provides the one {@link Clock} of the application, in the company's time zone, so that
 * {@code LocalDate.now(clock)} is the company's business date. The simulation profile replaces it with a
 * clock that can be moved forward.
 */
@Configuration
class ClockConfiguration {

    @Bean
    @Profile("!simulation")
    Clock systemClock(CompanyProperties company) {
        return Clock.system(company.timeZone());
    }

    @Bean
    @Profile("simulation")
    SimulationClock simulationClock(CompanyProperties company) {
        return new SimulationClock(Clock.system(company.timeZone()));
    }
}
