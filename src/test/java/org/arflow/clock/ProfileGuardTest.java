package org.arflow.clock;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProfileGuardTest {

    private final ProfileGuard guard = new ProfileGuard();

    @Test
    void rejectsSimulationTogetherWithProd() {
        MockEnvironment environment = prodSettings();
        environment.setActiveProfiles("prod", "simulation");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'simulation' profile must not be combined with 'prod'");
    }

    @Test
    void prodNamesMissingSettings() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        environment.setProperty("ARFLOW_DB_URL", "jdbc:postgresql://localhost/arflow");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("[ARFLOW_DB_USER, ARFLOW_DB_PASSWORD, ARFLOW_SMTP_HOST, ARFLOW_ADMIN_PASSWORD]");
    }

    @Test
    void allowsCompleteProdAndSimulationAlone() {
        MockEnvironment prod = prodSettings();
        prod.setActiveProfiles("prod");
        MockEnvironment simulation = new MockEnvironment();
        simulation.setActiveProfiles("simulation");

        assertThatCode(() -> guard.postProcessEnvironment(prod, new SpringApplication())).doesNotThrowAnyException();
        assertThatCode(() -> guard.postProcessEnvironment(simulation, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    private static MockEnvironment prodSettings() {
        MockEnvironment environment = new MockEnvironment();
        ProfileGuard.PROD_SETTINGS.forEach(name -> environment.setProperty(name, "set"));
        return environment;
    }
}
