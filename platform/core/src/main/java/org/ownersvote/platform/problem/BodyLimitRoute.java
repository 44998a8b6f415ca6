package org.ownersvote.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The body limit ({@code quarkus.http.limits.max-body-size}) answered with a problem detail: Quarkus's own check
 * (route order -2) closes the connection with an empty 413. This route runs just before it, so a declared length over
 * the limit gets a 413 problem and a Content-Length that is not a number a 400 problem, in every service.
 */
@ApplicationScoped
public class BodyLimitRoute {

    /** Just before Quarkus's upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT = -2). */
    static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            rc.next();
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            RouteProblems.send(rc, 400, "bad-content-length", Text.of("problem.bad-content-length"));
            return;
        }
        if (declared > limit.asLongValue()) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            RouteProblems.send(rc, 413, "body-too-large",
                    Text.of("problem.body-too-large", limit.asLongValue(), declared));
            return;
        }
        rc.next();
    }
}
