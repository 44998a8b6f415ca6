package org.ownersvote.gateway.routing;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.platform.idempotency.Idempotent;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemTexts;
import org.ownersvote.platform.problem.RouteProblems;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.tracing.TraceHeaders;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Sends every /api request that a service owns to that service, with its Authorization and X-Request-Id headers and
 * the gateway's trace context (traceparent).
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

    /** Marks, on a proxied request, that its first attempt got no answer. */
    private static final String SECOND_ATTEMPT = "ownersvote.second-attempt";

    /** Connections to one service at most, per way; requests beyond wait in the client's queue. */
    private static final int POOL_PER_SERVICE = 50;

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    JWTParser jwtParser;

    void install(@Observes Router router) {
        // Two ways to a service. A request the gateway may send twice (a read, or a write with an Idempotency-Key,
        // see Retries) goes over pooled keep-alive connections: now and then the pool hands out a connection the
        // service or the pool was just closing, the request fails half-sent, and the second attempt, on a connection
        // of its own, repairs it. A write without a key cannot be sent twice, so it gets a connection of its own,
        // closed after the answer (ProxyUnderLoadTest: with keep-alive for everything, 5 of 2,000 unkeyed POSTs
        // answered 503). The web client sends a key with every write, so almost all traffic is pooled.
        // Why the second attempt is not pooled: when a caller hangs up while its answer is being relayed, Vert.x
        // resets that request's connection to the service, which the pool may already have handed to the next
        // request; a second pooled attempt could meet another such connection (1 of 2,000 keyed POSTs answered 503
        // in a CI run). A connection of its own is closed by nobody else.
        // The clients add no trace headers themselves: the interceptor passes the gateway's own (Vert.x would add a
        // second traceparent beside the caller's, which the proxy copies).
        HttpClient pooled = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(2000)
                .setMaxPoolSize(POOL_PER_SERVICE)
                .setKeepAlive(true)
                .setTracingPolicy(TracingPolicy.IGNORE));
        HttpClient single = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(2000)
                .setMaxPoolSize(POOL_PER_SERVICE)
                .setKeepAlive(false)
                .setTracingPolicy(TracingPolicy.IGNORE));
        Map<Upstream, Ways> proxies = new EnumMap<>(Upstream.class);
        proxies.put(Upstream.ELECTION_SERVICE, ways(pooled, single, config.electionService(), "election-service",
                Text.of("service.election-service")));
        proxies.put(Upstream.BALLOT_SERVICE, ways(pooled, single, config.ballotService(), "ballot-service",
                Text.of("service.ballot-service")));
        proxies.put(Upstream.NOTIFICATION_SERVICE, ways(pooled, single, config.notificationService(),
                "notification-service", Text.of("service.notification-service")));

        router.route("/api/*").order(ORDER).handler(rc -> {
            String path = rc.request().path();
            if (!path.equals(rc.normalizedPath())) {
                // never let "..", "//" or encoded slashes route differently here and at the service
                RouteProblems.send(rc, 400, "bad-path", Text.of("problem.bad-path"));
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
                RouteProblems.send(rc, 401, "unauthenticated", Text.of("problem.unauthenticated"));
                return;
            }
            HttpServerRequest request = rc.request();
            proxies.get(upstream.get()).of(request).handle(request);
        });
    }

    /** A body larger than the endpoint takes is refused before it reaches a service (413; 411 without a length). */
    private boolean bodyWithinLimit(RoutingContext rc, String path) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = Routes.maxBodyBytes(path);
        if (length == null) {
            if ("chunked".equalsIgnoreCase(rc.request().getHeader(HttpHeaders.TRANSFER_ENCODING))) {
                RouteProblems.send(rc, 411, "length-required", Text.of("problem.length-required", limit));
                return false;
            }
            return true;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            RouteProblems.send(rc, 400, "bad-content-length", Text.of("problem.bad-content-length"));
            return false;
        }
        if (declared > limit) {
            RouteProblems.send(rc, 413, "body-too-large", Text.of("problem.body-too-large", limit, declared));
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

    /** The pooled proxy, for what may be sent twice, and the proxy with a connection per request, for the rest. */
    private record Ways(HttpProxy pooled, HttpProxy single) {

        HttpProxy of(HttpServerRequest request) {
            return Retries.mayRetry(request.method().name(), request.headers().contains(Idempotent.HEADER))
                    ? pooled : single;
        }
    }

    private Ways ways(HttpClient pooled, HttpClient single, URI origin, String name, Text words) {
        return new Ways(proxy(pooled, single, origin, name, words), proxy(single, single, origin, name, words));
    }

    /**
     * The proxy to a service over {@code client}, sending a second attempt over {@code again}; {@code name} is its
     * host name for the log, {@code words} its name for people.
     */
    private HttpProxy proxy(HttpClient client, HttpClient again, URI origin, String name, Text words) {
        SocketAddress address = SocketAddress.inetSocketAddress(origin.getPort() > 0 ? origin.getPort() : 80,
                origin.getHost());
        OriginRequestProvider attempts = context -> (context.get(SECOND_ATTEMPT, Boolean.class) != null ? again
                : client).request(new RequestOptions().setServer(address));
        return HttpProxy.reverseProxy(client).origin(attempts).addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                ProxyRequest request = context.request();
                continueTrace(request);
                if (!Retries.mayRetry(request.getMethod().name(),
                        request.headers().contains(Idempotent.HEADER))) {
                    return context.sendRequest().recover(failure -> unavailable(context, failure));
                }
                // the body is kept (at most the route's limit, checked above) so that it can be sent a second time
                HttpServerRequest incoming = request.proxiedRequest();
                Future<Buffer> body = incoming.body();
                incoming.resume();
                return body.compose(bytes -> {
                    request.setBody(Body.body(bytes));
                    return context.sendRequest().recover(first -> {
                        LOG.infof("%s did not answer %s %s (%s); sending it once more", name,
                                request.getMethod(), request.getURI(), first.getMessage());
                        context.set(SECOND_ATTEMPT, Boolean.TRUE);
                        return context.sendRequest();
                    });
                }).recover(failure -> unavailable(context, failure));
            }

            /**
             * The service continues the gateway's trace: one traceparent (and tracestate), naming the gateway's span of
             * this request, which continues the caller's traceparent if it sent one. Without a current span the
             * caller's headers pass unchanged.
             */
            private void continueTrace(ProxyRequest request) {
                Map<String, String> trace = TraceHeaders.current();
                if (!trace.isEmpty()) {
                    request.headers().remove(TraceHeaders.TRACEPARENT).remove(TraceHeaders.TRACESTATE).addAll(trace);
                }
            }

            /** The caller's 503 problem when the service gave no answer: nothing reached it, or nothing came back. */
            private Future<ProxyResponse> unavailable(ProxyContext context, Throwable failure) {
                LOG.warnf("%s is not reachable at %s: %s", name, origin, failure.getMessage());
                ProxyResponse response = context.request().response()
                        .setStatusCode(503)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader("Retry-After", "5");
                Locale language = ProblemTexts.language(context.request().headers().get("Accept-Language"));
                response.setBody(Body.body(Buffer.buffer(RouteProblems.json(503, "service-unavailable",
                        ProblemTexts.title(503, "service-unavailable", language),
                        ProblemTexts.render(Text.of("problem.service-unavailable", words), language),
                        context.request().getURI()))));
                return Future.succeededFuture(response);
            }

            @Override
            public Future<Void> handleProxyResponse(ProxyContext context) {
                // the gateway's own security headers apply to every answer; a service's would be sent twice
                SECURITY_HEADERS.forEach(context.response().headers()::remove);
                return context.sendResponse();
            }
        });
    }
}
