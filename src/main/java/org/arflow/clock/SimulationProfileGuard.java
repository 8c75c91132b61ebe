package org.arflow.clock;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops the start-up when the {@code simulation} and {@code prod} profiles are active together, because a
 * movable clock would let anyone with API access fire every timer of a production ledger.
 */
public class SimulationProfileGuard implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var profiles = Arrays.asList(environment.getActiveProfiles());
        if (profiles.contains("simulation") && profiles.contains("prod")) {
            throw new IllegalStateException("The 'simulation' profile must not be combined with 'prod': "
                    + "remove 'simulation' from spring.profiles.active (now " + profiles + ")");
        }
    }
}
