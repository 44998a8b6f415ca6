package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class OwnerLoginTest {

    @Test
    void theRightSerialAndCodeGiveAShortLivedTokenForThatOneBallot() throws Exception {
        String token = login(OwnerCredentials.SERIAL, OwnerCredentials.CODE).then().statusCode(200)
                .body("roles", equalTo(List.of("owner")))
                .extract().path("accessToken");
        JsonNode claims = new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals("owner", claims.path("groups").path(0).asText());
        assertEquals(1, claims.path("groups").size());
        assertEquals(OwnerCredentials.SERIAL, claims.path("ballot_serial").asText());
        assertEquals(OwnerCredentials.ELECTION, claims.path("election_id").asText());
        assertEquals(OwnerCredentials.COMMUNITY, claims.path("community_id").asText());
        assertTrue(claims.path("buildings").isMissingNode(), "an owner covers no building");
        assertTrue(claims.path("exp").asLong() - claims.path("iat").asLong() <= 900, "at most 15 minutes");
    }

    @Test
    void aWrongCodeIsA401AndALockedSerialA429WithRetryAfter() {
        login(OwnerCredentials.SERIAL, "2222-2222").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ownersvote:problem:wrong-ballot-code"));
        login(OwnerCredentials.LOCKED_SERIAL, OwnerCredentials.CODE).then().statusCode(429)
                .header("Retry-After", equalTo("600"))
                .body("type", equalTo("urn:ownersvote:problem:ballot-code-wait"));
    }

    @Test
    void ballotServicesRefusalComesBackInTheOwnersLanguage() {
        given().header("Accept-Language", "zh-CN,zh;q=0.9").contentType(ContentType.JSON)
                .body(Map.of("ballotSerial", OwnerCredentials.SERIAL, "verificationCode", "2222-2222"))
                .post("/api/auth/owner-login").then().statusCode(401)
                .body("type", equalTo("urn:ownersvote:problem:wrong-ballot-code"))
                .body("title", equalTo("选票编号或验证码不对"))
                .body("detail", equalTo("选票编号或验证码不对（两者都印在您的选票上）"));
        given().header("Accept-Language", "zh-CN,zh;q=0.9").contentType(ContentType.JSON)
                .body(Map.of("ballotSerial", OwnerCredentials.LOCKED_SERIAL, "verificationCode", OwnerCredentials.CODE))
                .post("/api/auth/owner-login").then().statusCode(429)
                .header("Retry-After", equalTo("600"))
                .body("title", equalTo("操作过于频繁"))
                .body("detail", equalTo("这张选票的验证码输错次数太多，请10分钟后再试"));
        login(OwnerCredentials.SERIAL, "2222-2222").then().statusCode(401)
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("The ballot serial or the verification code is wrong"));
        given().header("Accept-Language", "zh-CN,zh;q=0.9").contentType(ContentType.JSON)
                .body(Map.of("ballotSerial", OwnerCredentials.SERIAL)).post("/api/auth/owner-login").then()
                .statusCode(422).body("errors[0].field", equalTo("verificationCode"))
                .body("errors[0].code", equalTo("constraint.NotBlank"))
                .body("errors[0].message", equalTo("必须填写，不能为空白"));
    }

    @Test
    void aMissingCodeIsRefusedBeforeBallotServiceIsAsked() {
        given().contentType(ContentType.JSON).body(Map.of("ballotSerial", OwnerCredentials.SERIAL))
                .post("/api/auth/owner-login").then().statusCode(422)
                .body("errors[0].field", equalTo("verificationCode"));
    }

    @Test
    void theInternalCheckIsNotReachableThroughTheGateway() {
        given().contentType(ContentType.JSON)
                .body(Map.of("ballotSerial", OwnerCredentials.SERIAL, "verificationCode", OwnerCredentials.CODE))
                .post("/internal/owner-credentials").then().statusCode(404);
    }

    private static Response login(String serial, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("ballotSerial", serial, "verificationCode", code))
                .post("/api/auth/owner-login");
    }
}
