package org.ownersvote.gateway.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ownersvote.gateway")
public interface GatewayConfig {

    /** Base URL of election-service. */
    URI electionService();

    /** Base URL of ballot-service. */
    URI ballotService();

    /** Base URL of notification-service. */
    URI notificationService();

    /** Lifetime of an access token; at most 15 minutes. */
    @WithDefault("PT15M")
    Duration accessTokenLifetime();

    /** Key id (kid) written into tokens, so that keys can be rotated. */
    @WithDefault("k1")
    String signingKeyId();
}
