package org.ownersvote.gateway.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ownersvote.admin")
public interface InitialAdminConfig {

    /** Username of the admin account created at first start. */
    @WithDefault("admin")
    String username();

    /** Its password; required when no admin exists yet (no default outside dev). */
    Optional<String> password();
}
