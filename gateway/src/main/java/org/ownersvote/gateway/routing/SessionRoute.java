package org.ownersvote.gateway.routing;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.ownersvote.gateway.service.SessionCheck;
import org.ownersvote.gateway.service.TokenIssuer;
import org.ownersvote.platform.problem.RouteProblems;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.security.Roles;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Revocation at once: every /api request with a staff token, to the gateway's own resources or to a service, passes
 * only while the token's session ({@code sid}) is live and its account enabled ({@link SessionCheck}). The services
 * are reachable only through the gateway, so this one check covers them all. A staff token without {@code sid} is
 * refused: only tokens of a session can be revoked. Owners' ballot tokens and the gateway's own service tokens have
 * no session and are left to the usual checks. A token that does not verify is left to the routes after this one,
 * which refuse it.
 */
@ApplicationScoped
public class SessionRoute {

    private static final Logger LOG = Logger.getLogger(SessionRoute.class);

    /** After the request id, before the proxy (-100) and Quarkus REST. */
    static final int ORDER = -200;

    /** Sign-in, refresh, logout and owners' sign-in: open to anyone, whatever token the client still sends. */
    private static final String SIGN_IN = "/api/auth/";

    private static final Set<String> WITHOUT_SESSION = Set.of(Roles.OWNER, Roles.GATEWAY);

    @Inject
    JWTParser parser;

    @Inject
    SessionCheck sessions;

    @Inject
    Vertx vertx;

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::check);
    }

    private void check(RoutingContext rc) {
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (rc.request().path().startsWith(SIGN_IN)) {
            rc.next(); // signing in, refreshing and signing out never use the caller's access token: a dead one may come
            return;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            rc.next();
            return;
        }
        JsonWebToken token;
        try {
            token = parser.parse(authorization.substring(7).trim());
        } catch (ParseException e) {
            rc.next(); // refused by the proxy or by Quarkus security, with their problem detail
            return;
        }
        if (!token.getGroups().isEmpty() && WITHOUT_SESSION.containsAll(token.getGroups())) {
            rc.next();
            return;
        }
        Optional<UUID> session = uuid(token.getClaim(TokenIssuer.SESSION));
        Optional<UUID> account = uuid(token.getSubject());
        if (session.isEmpty() || account.isEmpty()) {
            ended(rc, Text.of("session.no-session"));
            return;
        }
        Optional<Boolean> remembered = sessions.remembered(session.get(), account.get());
        if (remembered.isPresent()) {
            decide(rc, remembered.get());
            return;
        }
        // the database is asked on a worker; the request waits paused so that no body is lost meanwhile
        rc.request().pause();
        vertx.<Boolean>executeBlocking(() -> sessions.live(session.get(), account.get()), false).onComplete(done -> {
            rc.request().resume();
            if (done.failed()) {
                LOG.error("Session check failed", done.cause());
                RouteProblems.send(rc, 503, "service-unavailable", Text.of("session.not-checked"));
                return;
            }
            decide(rc, done.result());
        });
    }

    private static void decide(RoutingContext rc, boolean live) {
        if (live) {
            rc.next();
        } else {
            ended(rc, Text.of("session.ended"));
        }
    }

    private static void ended(RoutingContext rc, Text detail) {
        rc.response().putHeader("WWW-Authenticate", "Bearer");
        RouteProblems.send(rc, 401, "unauthenticated", detail);
    }

    private static Optional<UUID> uuid(Object claim) {
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
