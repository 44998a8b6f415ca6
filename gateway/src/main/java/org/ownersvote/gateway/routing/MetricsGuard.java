package org.ownersvote.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.platform.problem.RouteProblems;
import org.ownersvote.platform.problem.Text;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway faces the internet, and its /q/metrics say how many logins failed and which routes are used: only
 * Prometheus with the configured bearer token ({@code ownersvote.gateway.metrics-token}) reads them, or, with no
 * token configured, a caller on this machine. The services behind it are not reachable from outside at all.
 */
@ApplicationScoped
public class MetricsGuard {

    /** Before every other route, the request-id route included. */
    static final int ORDER = -1000;

    @Inject
    GatewayConfig config;

    void install(@Observes Router router) {
        router.route("/q/metrics").order(ORDER).handler(rc -> {
            if (allowed(rc)) {
                rc.next();
            } else {
                rc.response().putHeader("WWW-Authenticate", "Bearer");
                RouteProblems.send(rc, 401, "unauthenticated", Text.of("problem.unauthenticated"));
            }
        });
    }

    private boolean allowed(RoutingContext rc) {
        if (config.metricsToken().isEmpty()) {
            // the connection's own peer, never an X-Forwarded-For a client could write
            SocketAddress peer = rc.request().connection().remoteAddress();
            return peer != null && peer.hostAddress() != null && isLoopback(peer.hostAddress());
        }
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        String expected = "Bearer " + config.metricsToken().get();
        return authorization != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8));
    }

    static boolean isLoopback(String address) {
        return address.equals("127.0.0.1") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
    }
}
