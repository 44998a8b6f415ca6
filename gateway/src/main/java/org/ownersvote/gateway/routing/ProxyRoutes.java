package org.ownersvote.gateway.routing;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.RouteProblems;


import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Sends every /api request that a service owns to that service, with its Authorization and X-Request-Id headers.
 * A bearer token is verified here first (and again by the service), so a forged or expired token never reaches a
 * service; requests without a token pass, for the public resources, and the service decides.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    /** Set by the gateway on every response (quarkus.http.header.*), whatever a service answered. */
    private static final List<String> SECURITY_HEADERS = List.of("Content-Security-Policy", "X-Frame-Options",
            "X-Content-Type-Options", "Referrer-Policy");

    /** After the request-id and session routes, before Quarkus REST, which serves the gateway's own resources. */
    static final int ORDER = -100;

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    JWTParser jwtParser;

    void install(@Observes Router router) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(2000)
                .setMaxPoolSize(50)
                .setKeepAlive(true));
        Map<Upstream, HttpProxy> proxies = new EnumMap<>(Upstream.class);
        proxies.put(Upstream.ELECTION_SERVICE, proxy(client, config.electionService(), "election-service"));
        proxies.put(Upstream.BALLOT_SERVICE, proxy(client, config.ballotService(), "ballot-service"));
        proxies.put(Upstream.NOTIFICATION_SERVICE, proxy(client, config.notificationService(), "notification-service"));

        router.route("/api/*").order(ORDER).handler(rc -> {
            String path = rc.request().path();
            if (!path.equals(rc.normalizedPath())) {
                // never let "..", "//" or encoded slashes route differently here and at the service
                problem(rc, 400, "bad-path", "Bad path", "The path must be in normal form");
                return;
            }
            Optional<Upstream> upstream = Routes.upstreamFor(path);
            if (upstream.isEmpty() || upstream.get() == Upstream.GATEWAY) {
                rc.next();
                return;
            }
            if (!bodyWithinLimit(rc, path)) {
                return;
            }
            String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null && !validBearer(authorization)) {
                rc.response().putHeader("WWW-Authenticate", "Bearer");
                problem(rc, 401, "unauthenticated", "Unauthenticated",
                        "A valid bearer token is required (it may be missing, expired or not issued for this service)");
                return;
            }
            proxies.get(upstream.get()).handle(rc.request());
        });
    }

    /** A body larger than the endpoint takes is refused before it reaches a service (413; 411 without a length). */
    private boolean bodyWithinLimit(RoutingContext rc, String path) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = Routes.maxBodyBytes(path);
        if (length == null) {
            if ("chunked".equalsIgnoreCase(rc.request().getHeader(HttpHeaders.TRANSFER_ENCODING))) {
                problem(rc, 411, "length-required", "Length required",
                        "A request body must declare its Content-Length (at most " + limit + " bytes here)");
                return false;
            }
            return true;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            problem(rc, 400, "bad-content-length", "Bad Content-Length", "Content-Length must be a number");
            return false;
        }
        if (declared > limit) {
            problem(rc, 413, "body-too-large", "Request body too large",
                    "This endpoint takes at most " + limit + " bytes; the request has " + declared);
            return false;
        }
        return true;
    }

    private boolean validBearer(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            jwtParser.parse(authorization.substring(7).trim());
            return true;
        } catch (ParseException e) {
            LOG.debugf("refused token: %s", e.getMessage());
            return false;
        }
    }

    private HttpProxy proxy(HttpClient client, URI origin, String name) {
        int port = origin.getPort() > 0 ? origin.getPort() : 80;
        return HttpProxy.reverseProxy(client).origin(port, origin.getHost()).addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                return context.sendRequest().recover(failure -> {
                    LOG.warnf("%s is not reachable at %s: %s", name, origin, failure.getMessage());
                    ProxyResponse response = context.request().response()
                            .setStatusCode(503)
                            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                            .putHeader("Retry-After", "5");
                    response.setBody(Body.body(Buffer.buffer(RouteProblems.json(503, "service-unavailable",
                            "Service unavailable", "The " + name + " did not answer; try again shortly",
                            context.request().getURI()))));
                    return Future.succeededFuture(response);
                });
            }

            @Override
            public Future<Void> handleProxyResponse(ProxyContext context) {
                // the gateway's own security headers apply to every answer; a service's would be sent twice
                SECURITY_HEADERS.forEach(context.response().headers()::remove);
                return context.sendResponse();
            }
        });
    }

    private static void problem(RoutingContext rc, int status, String slug, String title, String detail) {
        RouteProblems.send(rc, status, slug, title, detail);
    }
}
