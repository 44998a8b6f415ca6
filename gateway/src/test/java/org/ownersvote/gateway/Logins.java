package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Real accounts and real sign-ins for the gateway's tests: the gateway lets a staff token through only while its
 * session is live, so tests sign in as a person would instead of minting tokens.
 */
final class Logins {

    static final String ADMIN_PASSWORD = "test-root-passw0rd";
    static final String PASSWORD = "louzhang-2026-jizhang";

    private Logins() {
    }

    static String admin() {
        return accessToken("admin", ADMIN_PASSWORD);
    }

    /** A working-group account of the community, created by the admin and signed in. */
    static String workingGroup(UUID community) {
        String username = unique("wg");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "displayName", "换届小组 " + username,
                        "roles", List.of("working-group"), "communityId", community.toString()))
                .post("/api/admin/users").then().statusCode(201);
        return accessToken(username, PASSWORD);
    }

    /** An account of the election with one role, as its working group creates it; its login name. */
    static String electionAccount(String workingGroup, UUID election, String role, String... buildings) {
        Map<String, Object> body = new HashMap<>(Map.of("username", unique(role.substring(0, 4)), "password", PASSWORD,
                "displayName", "人员 " + UUID.randomUUID(), "roles", List.of(role)));
        if (buildings.length > 0) {
            body.put("buildings", List.of(buildings));
        }
        return given().auth().oauth2(workingGroup).contentType(ContentType.JSON).body(body)
                .post("/api/elections/" + election + "/staff").then().statusCode(201).extract().path("username");
    }

    static String accessToken(String username, String password) {
        return login(username, password, address()).then().statusCode(200).extract().path("accessToken");
    }

    static Response login(String username, String password, String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password)).post("/api/auth/login");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client address of its own, so that tests do not share login limits. */
    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
