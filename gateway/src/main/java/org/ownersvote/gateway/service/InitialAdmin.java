package org.ownersvote.gateway.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.ownersvote.gateway.StaffAccount;
import org.ownersvote.gateway.config.InitialAdminConfig;
import org.ownersvote.gateway.domain.PasswordPolicy;
import org.ownersvote.gateway.repository.StaffAccountRepository;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.security.Roles;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the first admin account at first start, from configuration. Without an admin and without a configured
 * password the gateway refuses to start: nobody could administer it, and there is no built-in default.
 */
@ApplicationScoped
public class InitialAdmin {

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class);

    @Inject
    InitialAdminConfig config;

    @Inject
    AuditLog audit;

    @Inject
    StaffAccountRepository accounts;

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (accounts.anyWithRole(Roles.ADMIN)) {
            return;
        }
        String password = config.password().orElseThrow(() -> new IllegalStateException(
                "No admin account exists and OWNERSVOTE_ADMIN_PASSWORD is not set: set it to create the first admin"));
        var weaknesses = PasswordPolicy.violations(password, config.username());
        if (!weaknesses.isEmpty()) {
            throw new IllegalStateException("OWNERSVOTE_ADMIN_PASSWORD is too weak: " + String.join("; ",
                    weaknesses.stream().map(Text::english).toList()));
        }
        StaffAccount admin = new StaffAccount();
        admin.id = UUID.randomUUID();
        admin.username = config.username();
        admin.passwordHash = BcryptUtil.bcryptHash(password);
        admin.displayName = "Administrator";
        admin.roles = new String[] { Roles.ADMIN };
        admin.buildings = new String[0];
        admin.communities = new String[0];
        admin.enabled = true;
        admin.createdAt = OffsetDateTime.now();
        admin.createdBy = "system:first-start";
        admin.persist();
        audit.record("system:first-start", "account.created", "staff_account", admin.username, null, "roles=admin");
        LOG.infof("Created the first admin account '%s'", admin.username);
    }
}
