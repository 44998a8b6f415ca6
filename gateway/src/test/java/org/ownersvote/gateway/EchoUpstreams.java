package org.ownersvote.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real HTTP servers on loopback in place of election- and ballot-service: each answers with its name, the path
 * and the headers the gateway forwarded (every traceparent), and counts what reached it. notification-service's
 * address has no server, to show what callers get when a service is down; election-service's {@link FlakyUpstream}
 * drops connections.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            return Map.of(
                    "ownersvote.gateway.election-service", "http://127.0.0.1:" + echo("election-service"),
                    "ownersvote.gateway.ballot-service", "http://127.0.0.1:" + echo("ballot-service"),
                    "ownersvote.gateway.notification-service", "http://127.0.0.1:" + closedPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int echo(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger received = new AtomicInteger();
        AtomicInteger closing = new AtomicInteger();
        Set<Integer> connections = ConcurrentHashMap.newKeySet();
        if (name.equals("ballot-service")) {
            server.createContext(OwnerCredentials.PATH, new OwnerCredentials());
        }
        HttpHandler echo = exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            if (path.equals("/__received")) {
                body = "{\"count\":" + received.get() + ",\"closing\":" + closing.get() + ",\"connections\":"
                        + connections.size() + "}";
            } else {
                received.incrementAndGet();
                // how the gateway reached us: on a connection of its own for this request, or a pooled one
                if ("close".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Connection"))) {
                    closing.incrementAndGet();
                }
                connections.add(exchange.getRemoteAddress().getPort());
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                body = "{\"service\":\"" + name + "\",\"path\":\"" + path + "\",\"method\":\""
                        + exchange.getRequestMethod() + "\",\"authorization\":\""
                        + String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")) + "\",\"requestId\":\""
                        + String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")) + "\",\"bodyLength\":"
                        + request.length() + ",\"traceparents\":" + values(exchange, "traceparent") + "}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
        server.createContext("/", echo);
        if (name.equals("election-service")) {
            HttpHandler owners = exchange -> {
                if (!ElectionOwners.answer(exchange)) {
                    echo.handle(exchange);
                }
            };
            server.createContext("/api/elections/", owners);
            server.createContext(FlakyUpstream.PATH, new FlakyUpstream());
            server.createContext("/api/communities/", owners);
        }
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    /** Every value of a header as a JSON array of strings (trace headers: no quotes or backslashes to escape). */
    private static String values(HttpExchange exchange, String header) {
        List<String> values = exchange.getRequestHeaders().getOrDefault(header, List.of());
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        servers.forEach(s -> s.stop(0));
    }
}
