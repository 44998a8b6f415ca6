package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The middle of a key rotation, as README's procedure leaves it: every verifier trusts a set with the current key
 * (kid "test") and the next (kid "next"), and the gateway already signs with the next. Tokens of both keys pass;
 * a token under a key id that is no longer in the set, or signed by another key than its kid names, does not.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.DuringRotation.class)
class KeyRotationTest {

    public static class DuringRotation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", "test-keys/rotation-jwks.json",
                    "smallrye.jwt.sign.key.location", "test-keys/next-private.pem",
                    "ownersvote.gateway.signing-key-id", "next");
        }
    }

    @Test
    void tokensOfTheOldAndTheNewKeyPassAndOthersDoNot() throws Exception {
        String issued = given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.200.0.1")
                .body(Map.of("username", "admin", "password", "test-root-passw0rd")).post("/api/auth/login").then()
                .statusCode(200).extract().path("accessToken");
        assertEquals("next", new ObjectMapper().readTree(Base64.getUrlDecoder()
                .decode(issued.substring(0, issued.indexOf('.')))).path("kid").asText());
        String path = "/api/elections/e1/ballots/progress";
        // tokens minted here belong to the admin's live session, as every staff token the gateway lets through must
        var claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(issued.split("\\.")[1]));
        String sub = claims.path("sub").asText();
        String sid = claims.path("sid").asText();
        given().auth().oauth2(issued).get(path).then().statusCode(200);
        given().auth().oauth2(TestTokens.as(sub, Roles.WORKING_GROUP).session(sid).token()).get(path).then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.as(sub, Roles.WORKING_GROUP).session(sid)
                        .signedWith("test-keys/next-private.pem", "next")
                        .token())
                .get(path).then().statusCode(200);

        // rotated out: a key id the set no longer has, even signed by a key it once trusted under another id
        given().auth().oauth2(TestTokens.as(sub, Roles.WORKING_GROUP).session(sid).keyId("retired").token()).get(path)
                .then()
                .statusCode(401);
        // a kid that names one key on a token signed by the other
        given().auth().oauth2(TestTokens.as(sub, Roles.WORKING_GROUP).session(sid).keyId("next").token()).get(path)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.as(sub, Roles.WORKING_GROUP).session(sid).signedWith("test-keys/foreign-private.pem",
                        "test").token())
                .get(path).then().statusCode(401);
    }
}
