package org.ownersvote.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * ballot-service's owner-credentials contract as the gateway relies on it (the real check runs in ballot-service's
 * own tests and in the suite test): serial K7Q2MX-000127 with code GOOD-CODE opens a ballot, serial
 * K7Q2MX-000135 is locked, anything else is a wrong code. Only the gateway's service token is accepted. Refusals are
 * in Chinese when the gateway asks with "Accept-Language: zh" (the language it decided on), in English otherwise.
 */
class OwnerCredentials implements HttpHandler {

    static final String PATH = "/internal/owner-credentials";
    static final String SERIAL = "K7Q2MX-000127";
    static final String LOCKED_SERIAL = "K7Q2MX-000135";
    static final String CODE = "GOOD-CODE";
    static final String ELECTION = "7f1b7c1e-8d6f-4a59-9d8e-3c1b2a4f5e60";
    static final String COMMUNITY = "2c9d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean chinese = "zh".equals(exchange.getRequestHeaders().getFirst("Accept-Language"));
        if (!fromGateway(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 403, "{\"type\":\"urn:ownersvote:problem:forbidden\",\"status\":403}");
        } else if (body.contains(LOCKED_SERIAL)) {
            exchange.getResponseHeaders().add("Retry-After", "600");
            reply(exchange, 429, chinese
                    ? "{\"type\":\"urn:ownersvote:problem:ballot-code-wait\",\"title\":\"操作过于频繁\","
                            + "\"status\":429,\"detail\":\"这张选票的验证码输错次数太多，请10分钟后再试\"}"
                    : "{\"type\":\"urn:ownersvote:problem:ballot-code-wait\",\"title\":\"Too many requests\","
                            + "\"status\":429,\"detail\":\"Too many wrong verification codes for this ballot\"}");
        } else if (body.contains(SERIAL) && body.contains(CODE)) {
            reply(exchange, 200, "{\"ballotSerial\":\"" + SERIAL + "\",\"electionId\":\"" + ELECTION
                    + "\",\"communityId\":\"" + COMMUNITY + "\",\"building\":\"1号楼\",\"unit\":\"101\"}");
        } else {
            reply(exchange, 401, chinese
                    ? "{\"type\":\"urn:ownersvote:problem:wrong-ballot-code\",\"title\":\"选票编号或验证码不对\","
                            + "\"status\":401,\"detail\":\"选票编号或验证码不对（两者都印在您的选票上）\"}"
                    : "{\"type\":\"urn:ownersvote:problem:wrong-ballot-code\",\"title\":\"Unauthorized\","
                            + "\"status\":401,\"detail\":\"The ballot serial or the verification code is wrong\"}");
        }
    }

    private static boolean fromGateway(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return claims.contains("\"groups\":[\"gateway\"]");
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
