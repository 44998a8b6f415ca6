package org.ownersvote.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * A service that breaks the connection without answering, as a service does when it dies mid-request:
 * {@code /api/elections/flaky/{id}/fail{n}} drops the first n requests for that id and answers the next ones with
 * their attempt number and the body it received; {@code /api/elections/flaky/{id}/count} tells how many requests
 * for the id reached it (without counting itself) and how many of them came on a connection of their own (sent with
 * {@code Connection: close}) rather than a pooled one.
 */
final class FlakyUpstream implements HttpHandler {

    static final String PATH = "/api/elections/flaky/";

    private static final Pattern FAIL = Pattern.compile(PATH + "([^/]+)/fail(\\d+)");
    private static final Pattern COUNT = Pattern.compile(PATH + "([^/]+)/count");

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> ownConnections = new ConcurrentHashMap<>();

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Matcher count = COUNT.matcher(path);
        if (count.matches()) {
            answer(exchange, "{\"attempts\":" + attempts(count.group(1)).get() + ",\"ownConnections\":"
                    + ownConnections(count.group(1)).get() + "}");
            return;
        }
        Matcher fail = FAIL.matcher(path);
        if (!fail.matches()) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int attempt = attempts(fail.group(1)).incrementAndGet();
        if ("close".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Connection"))) {
            ownConnections(fail.group(1)).incrementAndGet();
        }
        if (attempt <= Integer.parseInt(fail.group(2))) {
            // closing an exchange before its response headers closes the connection: the caller gets no answer
            exchange.close();
            return;
        }
        answer(exchange, "{\"attempt\":" + attempt + ",\"body\":\"" + body.replace("\"", "'") + "\"}");
    }

    private AtomicInteger attempts(String id) {
        return attempts.computeIfAbsent(id, k -> new AtomicInteger());
    }

    private AtomicInteger ownConnections(String id) {
        return ownConnections.computeIfAbsent(id, k -> new AtomicInteger());
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
