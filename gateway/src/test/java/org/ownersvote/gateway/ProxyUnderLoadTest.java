package org.ownersvote.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Thousands of small POSTs with bodies through the real gateway to a real upstream, as building leaders' phones and
 * counters send them: each on a connection of its own that the client closes after the answer (as curl and phones
 * on a flaky network do), one at a time and in parallel. Every one must be answered 200: a 503 here is a write the
 * user cannot tell was applied or not.
 */
@QuarkusTest
class ProxyUnderLoadTest {

    private static final String BODY = "{\"recipientName\":\"王五\",\"relation\":\"OWNER\",\"method\":\"IN_PERSON\","
            + "\"note\":\"" + "备注".repeat(40) + "\"}";

    @Test
    void twoThousandPostsOneAtATimeAreAllAnswered() throws Exception {
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 2000; i++) {
            statuses.merge(post(i), 1, Integer::sum);
        }
        assertEquals(Map.of(200, 2000), statuses);
    }

    @Test
    void twoThousandPostsEightAtATimeAreAllAnswered() throws Exception {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < 2000; i = next.getAndIncrement()) {
                    statuses.merge(post(i), 1, Integer::sum);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        assertEquals(Map.of(200, 2000), new TreeMap<>(statuses));
    }

    /** One POST on a fresh connection, closed by the client once the status line is read; the status (or -1). */
    private static int post(int i) throws IOException {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/ballots/S" + i + "/handout HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            String[] parts = line.toString().split(" ");
            return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
        }
    }
}
