package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Signing out, disabling an account and a stolen refresh token end the access tokens of the session at once. */
@QuarkusTest
class RevocationTest {

    static final String ROUTED = "/api/elections/e1/ballots/progress";

    @Test
    void afterLogoutTheVeryNextRequestWithTheOldAccessTokenIsRefused() {
        UUID election = UUID.randomUUID();
        String wg = Logins.workingGroup(ElectionOwners.communityOf(election));
        String counter = Logins.electionAccount(wg, election, "counter");
        Response login = Logins.login(counter, Logins.PASSWORD, Logins.address());
        String access = login.path("accessToken");
        // the first request looks the session up in the database: its body waits and passes intact
        given().auth().oauth2(access).contentType(ContentType.JSON).body("{\"reason\":\"丢失\"}")
                .post("/api/ballots/S1/void").then().statusCode(200).body("bodyLength", equalTo(15));
        given().auth().oauth2(access).get(ROUTED).then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", login.path("refreshToken")))
                .post("/api/auth/logout").then().statusCode(204);
        refused(given().auth().oauth2(access).get(ROUTED));
        // the gateway's own resources too
        refused(given().auth().oauth2(access).get("/api/elections/" + election + "/staff"));
        given().auth().oauth2(wg).get("/api/elections/" + election + "/staff").then().statusCode(200);
        // a client that still sends the dead token can sign in again
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("username", counter, "password", Logins.PASSWORD))
                .header("X-Forwarded-For", Logins.address()).post("/api/auth/login").then().statusCode(200);
    }

    @Test
    void afterDisablingTheAccountsTokensAreRefusedAtOnce() {
        UUID election = UUID.randomUUID();
        String wg = Logins.workingGroup(ElectionOwners.communityOf(election));
        String leader = Logins.electionAccount(wg, election, "building-leader", "1号楼");
        String first = Logins.accessToken(leader, Logins.PASSWORD);
        String second = Logins.accessToken(leader, Logins.PASSWORD);
        given().auth().oauth2(first).get(ROUTED).then().statusCode(200);
        given().auth().oauth2(second).get(ROUTED).then().statusCode(200);
        String id = given().auth().oauth2(wg).get("/api/elections/" + election + "/staff").then()
                .extract().path("find { it.username == '" + leader + "' }.id");
        given().auth().oauth2(wg).post("/api/staff/" + id + "/disable").then().statusCode(200);
        refused(given().auth().oauth2(first).get(ROUTED));
        refused(given().auth().oauth2(second).get(ROUTED));
    }

    @Test
    void aReusedRefreshTokenEndsTheAccessTokensOfItsSession() {
        UUID election = UUID.randomUUID();
        String counter = Logins.electionAccount(Logins.workingGroup(ElectionOwners.communityOf(election)), election,
                "counter");
        Response login = Logins.login(counter, Logins.PASSWORD, Logins.address());
        String refresh = login.path("refreshToken");
        String next = given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh))
                .post("/api/auth/refresh").then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(next).get(ROUTED).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh)).post("/api/auth/refresh").then()
                .statusCode(401);
        refused(given().auth().oauth2(next).get(ROUTED));
        refused(given().auth().oauth2((String) login.path("accessToken")).get(ROUTED));
    }

    @Test
    void aStaffTokenOfNoLiveSessionIsRefusedButOwnersBallotTokensPass() {
        refused(given().auth().oauth2(TestTokens.as("wg", Roles.WORKING_GROUP).token()).get(ROUTED));
        refused(given().auth().oauth2(TestTokens.as(UUID.randomUUID().toString(), Roles.COUNTER)
                .session(UUID.randomUUID().toString()).token()).get(ROUTED));
        // a live session presented under another account's subject
        String admin = Logins.admin();
        given().auth().oauth2(admin).get(ROUTED).then().statusCode(200);
        String sid = claim(admin, "sid");
        given().auth().oauth2(TestTokens.as(claim(admin, "sub"), Roles.ADMIN).session(sid).token()).get(ROUTED).then()
                .statusCode(200);
        refused(given().auth().oauth2(TestTokens.as(UUID.randomUUID().toString(), Roles.ADMIN).session(sid).token())
                .get(ROUTED));
        given().auth().oauth2(TestTokens.as("owner:S1", Roles.OWNER).ballot("S1").token()).get("/api/ballots/S1/status")
                .then().statusCode(200);
    }

    private static String claim(String token, String name) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder()
                    .decode(token.split("\\.")[1])).path(name).asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refused(Response response) {
        response.then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("detail", containsString("sign in again"));
    }
}
