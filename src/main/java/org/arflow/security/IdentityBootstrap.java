package org.arflow.security;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the groups ARflow's users work in, the first administrator and their Camunda authorisations.
 * Runs at every start and only adds what is missing.
 */
@Component
class IdentityBootstrap implements InitializingBean {

    static final String COLLECTORS = "collectors";
    static final String CREDIT_MANAGERS = "credit-managers";
    static final String ANALYSTS = "analysts";
    static final String MANAGERS = "managers";
    /** The groups that own dispute resolutions, as the dispute-routing rules assign them. */
    static final List<String> DISPUTE_OWNERS = List.of("billing", "sales", "logistics");

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
    private static final String DEFAULT_ADMIN = "admin";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final AccessProperties access;
    private final Environment environment;

    IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService,
            AccessProperties access, Environment environment) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.access = access;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        createGroup(Groups.CAMUNDA_ADMIN, "Administrators", Groups.GROUP_TYPE_SYSTEM);
        createGroup(COLLECTORS, "Collectors", Groups.GROUP_TYPE_WORKFLOW);
        createGroup(CREDIT_MANAGERS, "Credit managers", Groups.GROUP_TYPE_WORKFLOW);
        createGroup(ANALYSTS, "Analysts", Groups.GROUP_TYPE_WORKFLOW);
        createGroup(MANAGERS, "Managers", Groups.GROUP_TYPE_WORKFLOW);
        for (String owner : DISPUTE_OWNERS) {
            createGroup(owner, Character.toUpperCase(owner.charAt(0)) + owner.substring(1),
                    Groups.GROUP_TYPE_WORKFLOW);
            grantApplications(owner, "tasklist");
            grant(owner, Resources.FILTER, Permissions.READ);
        }

        grantAll(Groups.CAMUNDA_ADMIN);
        grantApplications(COLLECTORS, "tasklist");
        grantApplications(CREDIT_MANAGERS, "tasklist");
        // Tasklist lists tasks only through filters, so credit managers need to read them to see credit reviews.
        // Collectors raise disputes from Tasklist by starting the dispute-resolution process.
        grant(COLLECTORS, Resources.PROCESS_DEFINITION, "disputeResolution", Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grant(COLLECTORS, Resources.PROCESS_INSTANCE, Permissions.CREATE);
        for (String taskWorker : List.of(COLLECTORS, CREDIT_MANAGERS, MANAGERS)) {
            // Without READ on filters Tasklist lists no filter, and so no task, for the group.
            grant(taskWorker, Resources.FILTER, Permissions.READ);
        }
        grantApplications(ANALYSTS, "cockpit", "tasklist");
        grantApplications(MANAGERS, "cockpit", "tasklist");
        for (String watcher : List.of(ANALYSTS, MANAGERS)) {
            grant(watcher, Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.READ_INSTANCE,
                    Permissions.READ_HISTORY);
            grant(watcher, Resources.PROCESS_INSTANCE, Permissions.READ);
            grant(watcher, Resources.DEPLOYMENT, Permissions.READ);
        }
        createAdmin();
    }

    private void createAdmin() {
        String userId = blankToNull(access.adminUser()) == null ? DEFAULT_ADMIN : access.adminUser().trim();
        if (identityService.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        String password = blankToNull(access.adminPassword());
        boolean generated = password == null;
        if (generated) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("ARFLOW_ADMIN_PASSWORD is not set: the prod profile needs it to "
                        + "create the first administrator '" + userId + "'");
            }
            password = randomPassword();
        }
        User admin = identityService.newUser(userId);
        admin.setFirstName("ARflow");
        admin.setLastName("Administrator");
        admin.setPassword(password);
        identityService.saveUser(admin);
        identityService.createMembership(userId, Groups.CAMUNDA_ADMIN);
        if (generated) {
            // Logged once, when the user is created, because the embedded default has no other channel.
            log.warn("Administrator created with a generated password: user={} password={} "
                    + "(set ARFLOW_ADMIN_USER and ARFLOW_ADMIN_PASSWORD to choose them)", userId, password);
        } else {
            log.info("Administrator created: user={}", userId);
        }
    }

    private void createGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        log.info("Group created: groupId={}", id);
    }

    private void grantAll(String groupId) {
        for (Resources resource : Resources.values()) {
            grant(groupId, resource, Permissions.ALL);
        }
    }

    private void grantApplications(String groupId, String... applications) {
        Arrays.stream(applications).forEach(application -> grant(groupId, Resources.APPLICATION, application,
                Permissions.ACCESS));
    }

    private void grant(String groupId, Resource resource, Permissions... permissions) {
        grant(groupId, resource, Authorization.ANY, permissions);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permissions... permissions) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permissions permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
