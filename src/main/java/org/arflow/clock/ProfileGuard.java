package org.arflow.clock;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops the start-up early, with a message that names the fix, when the profiles are unsafe or incomplete:
 * {@code simulation} together with {@code prod}, because a movable clock would let anyone with API access
 * fire every timer of a production ledger, or {@code prod} without its database, mail and administrator
 * settings.
 */
public class ProfileGuard implements EnvironmentPostProcessor {

    static final List<String> PROD_SETTINGS = List.of("ARFLOW_DB_URL", "ARFLOW_DB_USER", "ARFLOW_DB_PASSWORD",
            "ARFLOW_SMTP_HOST", "ARFLOW_ADMIN_PASSWORD");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var profiles = Arrays.asList(environment.getActiveProfiles());
        if (profiles.contains("simulation") && profiles.contains("prod")) {
            throw new IllegalStateException("The 'simulation' profile must not be combined with 'prod': "
                    + "remove 'simulation' from spring.profiles.active (now " + profiles + ")");
        }
        if (profiles.contains("prod")) {
            List<String> missing = PROD_SETTINGS.stream()
                    .filter(name -> environment.getProperty(name, "").isBlank())
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The 'prod' profile needs these environment variables, which are "
                        + "not set: " + missing + "; see the configuration section of the README");
            }
        }
    }
}
