package org.ownersvote.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few API calls the load generators make, over HTTP/1.1 with a bearer token. */
final class BenchApi {

    static final String HANDOUT = "{\"recipientName\":\"张三\",\"relation\":\"OWNER\",\"method\":\"IN_PERSON\"}";
    static final String RETURN = "{\"channel\":\"BALLOT_BOX\"}";
    /** The password lib.sh gives every bench account. */
    private static final String PASSWORD = "bench2026handouts";
    private static final Pattern SERIAL = Pattern.compile("\"serial\":\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** "building TAB token [TAB username]" lines, or "token TAB username" for staff without buildings. */
    static List<String[]> accounts(String file) throws IOException {
        return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(l -> l.split("\t")).toList();
    }

    /** The serials of the building's ballots in the given status, every page. */
    List<String> serials(String base, String election, String building, String token, String status)
            throws IOException, InterruptedException {
        List<String> serials = new ArrayList<>();
        for (int page = 0;; page++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/elections/"
                    + election + "/ballots?status=" + status + "&size=500&page=" + page + "&building="
                    + URLEncoder.encode(building, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("listing " + building + ": " + response.statusCode() + " "
                        + response.body());
            }
            Matcher m = SERIAL.matcher(response.body());
            int before = serials.size();
            while (m.find()) {
                serials.add(m.group(1));
            }
            if (serials.size() - before < 500) {
                return serials;
            }
        }
    }

    /** POST with a JSON body; a token (may be null) and an Idempotency-Key (may be null). The status, -1 if none. */
    int post(String url, String token, String idempotencyKey, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    int get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).build());
    }

    /** POST returning the body (for sign-in), or null when it failed. */
    String postForBody(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : null;
    }

    /** The sign-in body of a bench account. */
    static String login(String username) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    /**
     * Each account of {@code tokens} (username → access token) signs in again and its token is replaced, so that no
     * request of a load longer than a token lasts (15 minutes) goes with an expired one.
     */
    void signInAgain(String gateway, Map<String, String> tokens) {
        for (String username : tokens.keySet()) {
            try {
                String body = postForBody(gateway + "/api/auth/login", login(username));
                Matcher token = body == null ? null : ACCESS_TOKEN.matcher(body);
                if (token != null && token.find()) {
                    tokens.put(username, token.group(1));
                } else {
                    System.out.printf("signing %s in again failed%n", username);
                }
            } catch (IOException e) {
                System.out.printf("signing %s in again: %s%n", username, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
