package org.arflow.clock;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class SimulationProfileGuardTest {

    private final SimulationProfileGuard guard = new SimulationProfileGuard();

    @Test
    void rejectsSimulationTogetherWithProd() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod", "simulation");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'simulation' profile must not be combined with 'prod'");
    }

    @Test
    void allowsEachProfileAlone() {
        for (String profile : new String[] {"prod", "simulation"}) {
            MockEnvironment environment = new MockEnvironment();
            environment.setActiveProfiles(profile);

            assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                    .doesNotThrowAnyException();
        }
    }
}
