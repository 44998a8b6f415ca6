package org.ownersvote.platform.correlation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;

/**
 * Takes the X-Request-Id of every request (or creates one), puts it in the logging context so every log line of
 * the request carries it, and returns it in the response. Runs before anything else, including 404s and auth.
 */
@ApplicationScoped
public class RequestIdRoute {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String requestId = RequestIds.acceptOrCreate(rc.request().getHeader(RequestIds.HEADER));
            rc.request().headers().set(RequestIds.HEADER, requestId);
            rc.response().putHeader(RequestIds.HEADER, requestId);
            MDC.put(RequestIds.MDC_KEY, requestId);
            rc.addEndHandler(done -> MDC.remove(RequestIds.MDC_KEY));
            rc.next();
        });
    }
}
