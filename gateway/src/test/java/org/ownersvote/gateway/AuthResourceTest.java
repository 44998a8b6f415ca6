package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.ownersvote.platform.audit.AuditEntry;
import org.ownersvote.platform.security.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;

@QuarkusTest
class AuthResourceTest {

    @Inject
    JWTParser parser;

    @Test
    void theFirstAdminLogsInAndGetsAShortLivedRs256Token() throws Exception {
        String token = login("admin", "test-root-passw0rd").then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("roles", contains("admin"))
                .extract().path("accessToken");

        JsonWebToken jwt = parser.parse(token);
        assertEquals("admin", jwt.getName());
        assertTrue(jwt.getGroups().contains(Roles.ADMIN));
        assertEquals("https://ownersvote.local/gateway", jwt.getIssuer());
        assertTrue(jwt.getAudience().contains("ownersvote"));
        assertTrue(jwt.getExpirationTime() - jwt.getIssuedAtTime() <= 900);
        var header = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        assertEquals("RS256", header.path("alg").asText());
        assertEquals("k1", header.path("kid").asText());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswerAndAreAudited() {
        String wrongPassword = login("admin", "not-the-password-9").then().statusCode(401)
                .contentType("application/problem+json").extract().path("detail");
        String unknownUser = login("nobody-" + UUID.randomUUID(), "whatever-password-9").then().statusCode(401)
                .extract().path("detail");
        assertEquals(wrongPassword, unknownUser);
        long failures = QuarkusTransaction.requiringNew().call(() -> AuditEntry.forSubject("staff_account", "admin")
                .stream().filter(e -> e.action.equals("login.failed")).count());
        assertTrue(failures >= 1);
    }

    @Test
    void adminCreatesAWorkingGroupAccountWhoseTokenCarriesItsCommunity() throws Exception {
        UUID community = UUID.randomUUID();
        String username = "wg-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "zhenru2026gongzuo", "displayName", "换届改选小组",
                        "roles", List.of("working-group"), "communityId", community.toString()))
                .post("/api/admin/users")
                .then().statusCode(201)
                .body("username", equalTo(username))
                .body("roles", contains("working-group"));

        String token = login(username, "zhenru2026gongzuo").then().statusCode(200).extract().path("accessToken");
        assertEquals(community.toString(), parser.parse(token).getClaim("community_id"));
    }

    @Test
    void shouldRefuseAccountCreationByANonAdmin() {
        given().auth().oauth2(Logins.workingGroup(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(Map.of("username", "sneaky", "password", "zhenru2026gongzuo", "displayName", "x",
                        "roles", List.of("admin")))
                .post("/api/admin/users")
                .then().statusCode(403).contentType("application/problem+json");
        login("sneaky", "zhenru2026gongzuo").then().statusCode(401);
    }

    @Test
    void shouldRefuseAWeakPasswordAnUnknownRoleAndAMissingScope() {
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", "leader1", "password", "short1", "displayName", "x",
                        "roles", List.of("building-leader", "owner")))
                .post("/api/admin/users")
                .then().statusCode(422)
                .body("errors.field", hasItem("password"))
                .body("errors.message", hasItem("unknown staff role 'owner'"))
                .body("errors.field", hasItem("communityId"))
                .body("errors.field", hasItem("electionId"))
                .body("errors.field", hasItem("buildings"));
    }

    @Test
    void shouldRefuseATakenUsername() {
        Map<String, Object> body = Map.of("username", "twice", "password", "zhenru2026gongzuo", "displayName", "x",
                "roles", List.of("street-office"));
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(body).post("/api/admin/users")
                .then().statusCode(201);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(body).post("/api/admin/users")
                .then().statusCode(409).body("type", equalTo("urn:ownersvote:problem:username-taken"));
    }

    @Test
    void shouldRefuseAMalformedLogin() {
        given().contentType(ContentType.JSON).body("{\"username\":\"admin\"").post("/api/auth/login")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("username", "admin")).post("/api/auth/login")
                .then().statusCode(422).body("errors[0].field", equalTo("password"));
    }

    private static String adminToken() {
        return login("admin", "test-root-passw0rd").then().statusCode(200).extract().path("accessToken");
    }

    private static io.restassured.response.Response login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }
}
