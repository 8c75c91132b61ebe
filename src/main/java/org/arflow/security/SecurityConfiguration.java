package org.arflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Access rules for every endpoint. The ARflow API and the OpenAPI pages take HTTP Basic credentials of
 * Camunda users. The engine's REST API at {@code /engine-rest} is guarded by Camunda's own authentication
 * filter, and the webapps at {@code /camunda} by their login page. Only the health endpoint accepts anonymous
 * requests.
 */
@Configuration
class SecurityConfiguration {

    private static final String ADMIN = "GROUP_camunda-admin";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider identities,
            ObjectMapper json) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/processes/deploy", "/api/rules/reload",
                                "/api/dispute-reasons")
                        .hasAnyAuthority(ADMIN, "GROUP_" + IdentityBootstrap.ANALYSTS)
                        .requestMatchers(HttpMethod.POST, "/api/credit-notes")
                        .hasAnyAuthority(ADMIN, "GROUP_billing", "GROUP_" + IdentityBootstrap.MANAGERS)
                        .requestMatchers("/api/simulation/**", "/actuator/**").hasAuthority(ADMIN)
                        .anyRequest().authenticated())
                .authenticationProvider(identities)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(json)))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized(json))
                        .accessDeniedHandler(forbidden(json)))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** Leaves the webapps and the engine REST API to their own authentication and CSRF protection. */
    @Bean
    @Order(2)
    SecurityFilterChain camundaSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ARflow\"");
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Authentication is required: send HTTP Basic credentials of an ARflow user. After failed "
                            + "attempts the account is locked for a few seconds, so wait before retrying");
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, exception) -> writeProblem(json, response, HttpStatus.FORBIDDEN, "forbidden",
                "User " + (request.getUserPrincipal() == null ? "?" : request.getUserPrincipal().getName())
                        + " may not " + request.getMethod() + " " + request.getRequestURI()
                        + "; ask an administrator for the required group");
    }

    private static void writeProblem(ObjectMapper json, jakarta.servlet.http.HttpServletResponse response,
            HttpStatus status, String problem, String detail) throws java.io.IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("urn:arflow:problem:" + problem));
        body.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
