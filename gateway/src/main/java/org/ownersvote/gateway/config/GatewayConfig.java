package org.ownersvote.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

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

    /**
     * The address owners type and scan (the notice-board poster's /c/&lt;code&gt; and its QR code), e.g.
     * https://vote.example.org; when unset, the address the request came to.
     */
    Optional<URI> publicUrl();

    /** Lifetime of an access token; at most 15 minutes. */
    @WithDefault("PT15M")
    Duration accessTokenLifetime();

    /** Key id (kid) written into tokens, so that keys can be rotated. */
    @WithDefault("k1")
    String signingKeyId();

    /** Lifetime of a refresh token (a working day); each use replaces it. */
    @WithDefault("PT12H")
    Duration refreshTokenLifetime();

    /**
     * How long the gateway remembers that a session is live (or over) before asking the database again: the longest
     * a signed-out session or a disabled account's access token still works at another gateway replica.
     */
    @WithDefault("PT1S")
    Duration sessionCheckCache();

    /**
     * The bearer token Prometheus sends to read the gateway's /q/metrics (the gateway is the one service reachable
     * from outside). Unset: only callers on this machine (loopback) may read them.
     */
    Optional<String> metricsToken();

    /** Failed staff logins per account before it is locked for a while. */
    Throttle accountLogins();

    /** Failed logins (staff and owners) per client address before the address is locked for a while. */
    Throttle addressLogins();

    interface Throttle {
        int maxFailures();

        Duration window();

        Duration lockFor();
    }
}
