package org.ownersvote.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

/**
 * election-service's answers to what the gateway's staff endpoints ask it. GET /api/elections/{eid}: an election
 * whose id starts with "ffffffff" does not exist (404); for one whose id starts with "dddddddd" the first request
 * loses its connection without an answer (as when the service dies mid-request), and {@link #asked(UUID)} counts
 * its requests; any other belongs to {@link #communityOf(UUID)}. GET
 * /api/communities/{cid}/roster/buildings: every community's roster has {@link #BUILDINGS}.
 */
final class ElectionOwners {

    private static final Pattern ELECTION = Pattern.compile("/api/elections/([0-9a-f-]{36})");
    private static final Pattern BUILDINGS_PATH = Pattern.compile("/api/communities/[0-9a-f-]{36}/roster/buildings");

    static final List<String> BUILDINGS = List.of("1号楼", "2号楼", "10号楼", "地下车库");

    private static final Map<UUID, AtomicInteger> ASKED = new ConcurrentHashMap<>();

    private ElectionOwners() {
    }

    /** How many requests for one of the "dddddddd" elections reached election-service. */
    static int asked(UUID election) {
        return ASKED.getOrDefault(election, new AtomicInteger()).get();
    }

    static UUID communityOf(UUID election) {
        return UUID.nameUUIDFromBytes(("community of " + election).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers if the request is a GET of one election; false lets the echo answer. */
    static boolean answer(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET")
                && BUILDINGS_PATH.matcher(exchange.getRequestURI().getPath()).matches()) {
            byte[] body = ("[" + String.join(",", BUILDINGS.stream()
                    .map(b -> "{\"building\":\"" + b + "\",\"units\":10}").toList()) + "]")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return true;
        }
        Matcher m = ELECTION.matcher(exchange.getRequestURI().getPath());
        if (!exchange.getRequestMethod().equals("GET") || !m.matches()) {
            return false;
        }
        UUID election = UUID.fromString(m.group(1));
        if (m.group(1).startsWith("dddddddd")
                && ASKED.computeIfAbsent(election, e -> new AtomicInteger())
                        .incrementAndGet() == 1) {
            exchange.close(); // before any response header: the connection closes without an answer
            return true;
        }
        boolean exists = !m.group(1).startsWith("ffffffff");
        byte[] body = (exists ? "{\"id\":\"" + election + "\",\"communityId\":\"" + communityOf(election) + "\"}"
                : "{\"status\":404}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(exists ? 200 : 404, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return true;
    }
}
