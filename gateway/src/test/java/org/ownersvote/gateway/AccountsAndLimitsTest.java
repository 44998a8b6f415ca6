package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.ownersvote.platform.audit.AuditEntry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.auth.principal.JWTParser;

/** Accounts a working group manages, refresh tokens, login limits and the gateway's request limits. */
@QuarkusTest
class AccountsAndLimitsTest {

    static final String PASSWORD = "louzhang-2026-jizhang";

    @Inject
    JWTParser parser;

    @ConfigProperty(name = "ownersvote.gateway.address-logins.max-failures")
    int addressLimit;

    @Test
    void aWorkingGroupCreatesTheAccountsOfItsOwnElectionOnly() throws Exception {
        UUID election = UUID.randomUUID();
        String wg = workingGroup(ElectionOwners.communityOf(election));
        String shortName = unique("counter");
        String username = given().auth().oauth2(wg).contentType(ContentType.JSON)
                .body(Map.of("username", shortName, "password", PASSWORD, "displayName", "计票员甲",
                        "roles", List.of("counter")))
                .post("/api/elections/" + election + "/staff").then().statusCode(201)
                .body("electionId", equalTo(election.toString()))
                .body("communityId", equalTo(ElectionOwners.communityOf(election).toString()))
                .extract().path("username");
        assertTrue(username.startsWith(shortName + "."), "the login name is the short name and the election's suffix");
        String token = login(username, PASSWORD, address()).then().statusCode(200).extract().path("accessToken");
        assertEquals(election.toString(), parser.parse(token).getClaim("election_id"));
        given().auth().oauth2(wg).get("/api/elections/" + election + "/staff").then().statusCode(200)
                .body("username", Matchers.hasItem(username));

        Map<String, Object> leader = Map.of("username", unique("leader"), "password", PASSWORD, "displayName", "楼组长",
                "roles", List.of("building-leader"), "buildings", List.of("1号楼"));
        // another community's election: refused, nothing created
        UUID foreign = UUID.randomUUID();
        given().auth().oauth2(wg).contentType(ContentType.JSON).body(leader)
                .post("/api/elections/" + foreign + "/staff").then().statusCode(403);
        given().auth().oauth2(wg).contentType(ContentType.JSON).body(leader)
                .post("/api/elections/ffffffff-0000-0000-0000-000000000000/staff").then().statusCode(404);
        // roles beyond the election, scope fields, weak passwords, a leader without buildings: refused
        given().auth().oauth2(wg).contentType(ContentType.JSON).body(Map.of("username", unique("wg"), "password",
                PASSWORD, "displayName", "x", "roles", List.of("working-group")))
                .post("/api/elections/" + election + "/staff").then().statusCode(422)
                .body("errors[0].field", equalTo("roles"));
        given().auth().oauth2(wg).contentType(ContentType.JSON).body(Map.of("username", unique("c"), "password",
                PASSWORD, "displayName", "x", "roles", List.of("counter"), "communityId", UUID.randomUUID()))
                .post("/api/elections/" + election + "/staff").then().statusCode(400)
                .body("type", containsString("unknown-field"));
        given().auth().oauth2(wg).contentType(ContentType.JSON).body(Map.of("username", unique("c"), "password",
                "12345678", "displayName", "x", "roles", List.of("counter")))
                .post("/api/elections/" + election + "/staff").then().statusCode(422)
                .body("errors[0].field", equalTo("password"));
        given().auth().oauth2(wg).contentType(ContentType.JSON).body(Map.of("username", unique("l"), "password",
                PASSWORD, "displayName", "x", "roles", List.of("building-leader")))
                .post("/api/elections/" + election + "/staff").then().statusCode(422);
        // other roles may not create accounts at all
        given().auth().oauth2(token).contentType(ContentType.JSON).body(leader)
                .post("/api/elections/" + election + "/staff").then().statusCode(403);
        given().contentType(ContentType.JSON).body(leader).post("/api/elections/" + election + "/staff").then()
                .statusCode(401);
        long refusals = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "action = ?1 and subjectId = ?2", "permission.refused", "POST /api/elections/" + foreign + "/staff")
                .size());
        assertEquals(1, refusals, "the refusal for another community's election is in the audit log");
    }

    @Test
    void aRefreshTokenWorksOnceAndUsingItAgainRevokesTheWholeFamily() {
        String username = electionAccount();
        Response first = login(username, PASSWORD, address());
        String refresh1 = first.then().statusCode(200).body("refreshToken", notNullValue())
                .body("refreshExpiresIn", equalTo(43200)).extract().path("refreshToken");
        String refresh2 = refresh(refresh1).then().statusCode(200).body("accessToken", notNullValue())
                .extract().path("refreshToken");
        assertNotEquals(refresh1, refresh2);
        refresh(refresh1).then().statusCode(401); // stolen copy used: the family goes
        refresh(refresh2).then().statusCode(401);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("action", "refresh.reused")
                .stream().anyMatch(e -> e.actor.equals(username))));

        String refresh3 = login(username, PASSWORD, address()).then().statusCode(200).extract().path("refreshToken");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh3)).post("/api/auth/logout").then()
                .statusCode(204);
        refresh(refresh3).then().statusCode(401);
        refresh("not-a-token").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aDisabledAccountCannotSignInOrRefreshAndOnlyItsWorkingGroupMayDisableIt() {
        UUID election = UUID.randomUUID();
        String wg = workingGroup(ElectionOwners.communityOf(election));
        Response created = given().auth().oauth2(wg).contentType(ContentType.JSON)
                .body(Map.of("username", unique("scrutineer"), "password", PASSWORD, "displayName", "监票员",
                        "roles", List.of("scrutineer")))
                .post("/api/elections/" + election + "/staff").then().statusCode(201).extract().response();
        String id = created.path("id");
        String username = created.path("username");
        String otherScrutineer = Logins.accessToken(Logins.electionAccount(wg, election, "scrutineer"), PASSWORD);
        String refresh = login(username, PASSWORD, address()).then().statusCode(200).extract().path("refreshToken");

        given().auth().oauth2(workingGroup(UUID.randomUUID())).post("/api/staff/" + id + "/disable").then()
                .statusCode(404);
        given().auth().oauth2(otherScrutineer).post("/api/staff/" + id + "/disable").then().statusCode(403);
        login(username, PASSWORD, address()).then().statusCode(200);

        given().auth().oauth2(wg).post("/api/staff/" + id + "/disable").then().statusCode(200)
                .body("enabled", equalTo(false));
        login(username, PASSWORD, address()).then().statusCode(401);
        refresh(refresh).then().statusCode(401);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        String username = electionAccount();
        for (int i = 0; i < 5; i++) {
            login(username, "wrong-password-" + i, address()).then().statusCode(401);
        }
        login(username, PASSWORD, address()).then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("type", containsString("too-many-logins"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("action", "login.refused")
                .stream().anyMatch(e -> e.subjectId.equals("account:" + username))));
    }

    @Test
    void aLockedAccountIsToldHowLongToWaitInWords() {
        String username = electionAccount();
        for (int i = 0; i < 5; i++) {
            login(username, "wrong-password-" + i, address()).then().statusCode(401);
        }
        given().header("Accept-Language", "zh-CN,zh;q=0.9").header("X-Forwarded-For", address())
                .contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/api/auth/login").then().statusCode(429)
                .body("title", equalTo("登录尝试次数过多"))
                .body("detail", equalTo("这个账号登录失败的次数太多，请15分钟后再试"));
        login(username, PASSWORD, address()).then().statusCode(429)
                .body("title", equalTo("Too many sign-in attempts"))
                .body("detail", equalTo("Too many failed sign-ins for this account; try again in 15 minutes"));
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressOnly() {
        String address = address();
        for (int i = 0; i < addressLimit; i++) {
            login(unique("nobody"), "whatever-password", address).then().statusCode(401);
        }
        String username = electionAccount();
        login(username, PASSWORD, address).then().statusCode(429);
        given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("ballotSerial", "A0001-7", "verificationCode", "ABCDEFGH"))
                .post("/api/auth/owner-login").then().statusCode(429);
        login(username, PASSWORD, address()).then().statusCode(200);
    }

    @Test
    void aBodyLargerThanTheEndpointTakesIsRefusedBeforeItReachesAService() {
        String token = Logins.accessToken(electionAccount(), PASSWORD);
        int before = received();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(new byte[1024 * 1024 + 1])
                .post("/api/elections/e1/counting/entries").then().statusCode(413)
                .contentType("application/problem+json");
        assertEquals(before, received(), "the service never saw it");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(new byte[1000])
                .post("/api/elections/e1/counting/entries").then().statusCode(200);
    }

    @Test
    void responsesCarryTheSecurityHeadersAndOtherOriginsGetNoCors() {
        given().get("/api/elections/e1").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        given().contentType(ContentType.JSON).body(Map.of("username", "x", "password", "y")).header(
                "X-Forwarded-For", address()).post("/api/auth/login").then().statusCode(401)
                .header("X-Frame-Options", "DENY");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/auth/login").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "POST")
                .options("/api/auth/login").then()
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"));
    }

    @Test
    void oneDocumentationPageListsEveryServicesApi() {
        given().get("/api/docs").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/api/docs/election-service"))
                .body(containsString("/api/docs/ballot-service"))
                .body(containsString("/api/docs/notification-service"))
                // Swagger UI, started by a script file of the gateway's: the CSP allows no inline script
                .body(containsString("/q/swagger-ui/swagger-ui-bundle.js"))
                .body(containsString("<script src=\"/api-docs.js\"></script>"))
                .body(Matchers.not(containsString("<script>")));
        given().get("/api-docs.js").then().statusCode(200)
                .body(containsString("SwaggerUIBundle"))
                .body(containsString("/api/docs/ballot-service"));
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
        given().get("/api/docs/no-such-service").then().statusCode(404);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("info.version", equalTo("1")); // the API's version, never the build's
    }

    // --- helpers

    private static int received() {
        String base = ConfigProvider.getConfig()
                .getValue("ownersvote.gateway.ballot-service", String.class);
        return given().get(base + "/__received").then().extract().path("count");
    }

    private static String electionAccount() {
        UUID election = UUID.randomUUID();
        return Logins.electionAccount(workingGroup(ElectionOwners.communityOf(election)), election, "counter");
    }

    private static String workingGroup(UUID community) {
        return Logins.workingGroup(community);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client address of its own, so that tests do not share login limits. */
    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static Response login(String username, String password, String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password)).post("/api/auth/login");
    }

    private static Response refresh(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", token)).post("/api/auth/refresh");
    }
}
