package org.arflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created at start-up when no user of that id exists.
 *
 * @param adminUser from {@code ARFLOW_ADMIN_USER}
 * @param adminPassword from {@code ARFLOW_ADMIN_PASSWORD}; when unset, a random one is generated and logged once
 */
@ConfigurationProperties("arflow.access")
public record AccessProperties(String adminUser, String adminPassword) {
}
