package org.arflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts ARflow: the ledger, the REST API and the embedded Camunda engine in one application. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ArflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(ArflowApplication.class, args);
    }
}
