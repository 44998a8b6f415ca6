package org.ownersvote.election;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * ballot-service's two internal voting endpoints as election-service's tests need them: ballot-service itself runs
 * in its own module's tests and, with election-service, as a real process in the suite tests (deploy/suite-tests);
 * here only election-service's side of the step is under test. It answers 200 (voting-close with the instant it
 * was called, or at the instant a test set with {@code POST /stub/close-at}: a test whose election clock stands
 * at a date of its own closes on that date, not on the real one), or 503 while a test has switched it off
 * ({@code POST /stub/down} / {@code /stub/up}), and remembers
 * each call ({@code GET /stub/calls}: one line per call, "step bearer-present") and the X-Request-Id it carried
 * ({@code GET /stub/request-ids}: one line per call).
 */
public class BallotServiceStub implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> requestIds = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    /** The instant voting-close answers, as a test set it ({@code POST /stub/close-at}); empty: the real time. */
    private volatile String closeAt = "";

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/elections/", this::voting);
        server.createContext("/stub/", this::control);
        server.start();
        return Map.of("ownersvote.ballot-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void voting(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String step = path.substring(path.lastIndexOf('/') + 1);
        calls.add(step + " " + (exchange.getRequestHeaders().getFirst("Authorization") != null));
        requestIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
        exchange.getRequestBody().readAllBytes();
        if (down) {
            // like ballot-service, it answers in the language the call asks for
            String language = exchange.getRequestHeaders().getFirst("Accept-Language");
            boolean chinese = language != null && language.startsWith("zh");
            reply(exchange, 503, "{\"type\":\"urn:ownersvote:problem:electorate-incomplete\",\"title\":\""
                    + (chinese ? "暂未就绪" : "Not ready yet") + "\",\"status\":503,\"detail\":\""
                    + (chinese ? "选票服务尚未收到完整的业主名册" : "ballot-service has not yet received the whole electorate")
                    + "\"}");
        } else if (step.equals("voting-close")) {
            String at = closeAt;
            reply(exchange, 200, "{\"votingClosedAt\":\"" + (at.isEmpty() ? OffsetDateTime.now() : at) + "\"}");
        } else {
            reply(exchange, 200, "{}");
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
        switch (exchange.getRequestURI().getPath()) {
            case "/stub/close-at" -> closeAt = body;
            case "/stub/down" -> down = true;
            case "/stub/up" -> down = false;
            default -> {
            }
        }
        reply(exchange, 200, String.join("\n", exchange.getRequestURI().getPath().equals("/stub/request-ids")
                ? requestIds : calls));
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json"
                : "application/problem+json");
        if (status == 503) {
            exchange.getResponseHeaders().add("Retry-After", "5");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
