package org.ownersvote.verifier;

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
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fetches what the verifier reads from the gateway, as a counter or scrutineer would with curl: signs in with the
 * account's name and password, downloads the electorate, the ledger and the tally of the election, and keeps them in
 * a folder with their SHA-256, so that what was verified can be shown later byte for byte.
 */
final class GatewayExports {

    static final String ELECTORATE = "electorate.json";
    static final String LEDGER = "ledger.jsonl";
    static final String TALLY = "tally.json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String gateway;

    GatewayExports(String gateway) {
        this.gateway = gateway.endsWith("/") ? gateway.substring(0, gateway.length() - 1) : gateway;
    }

    /** Signs in and saves the three exports into {@code folder}; returns each file's SHA-256 by name. */
    Map<String, String> fetch(String election, String username, char[] password, Path folder)
            throws IOException, InterruptedException {
        String token = signIn(username, password);
        Files.createDirectories(folder);
        String id = URLEncoder.encode(election, StandardCharsets.UTF_8);
        Map<String, String> sums = new LinkedHashMap<>();
        for (Map.Entry<String, String> export : Map.of(ELECTORATE, "/api/elections/" + id + "/ledger/electorate",
                LEDGER, "/api/elections/" + id + "/ledger", TALLY, "/api/elections/" + id + "/tally").entrySet()) {
            byte[] body = get(export.getValue(), token);
            Files.write(folder.resolve(export.getKey()), body);
            sums.put(export.getKey(), Verifier.sha256(body));
        }
        StringBuilder listing = new StringBuilder();
        for (String name : new String[] { ELECTORATE, LEDGER, TALLY }) {
            listing.append(sums.get(name)).append("  ").append(name).append('\n');
        }
        Files.writeString(folder.resolve("SHA256SUMS"), listing.toString());
        return sums;
    }

    private String signIn(String username, char[] password) throws IOException, InterruptedException {
        String body = new ObjectMapper().writeValueAsString(Map.of("username", username, "password",
                new String(password)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login"))
                .header("Content-Type", "application/json").header("Accept-Language", "zh-CN,en;q=0.5")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("signing in as " + username + " was refused (" + response.statusCode() + "): "
                    + response.body());
        }
        return new ObjectMapper().readTree(response.body()).path("accessToken").asText();
    }

    private byte[] get(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN,en;q=0.5").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }
}
