package org.ownersvote.election;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/** Every token that is not a current RS256 token of our gateway, for our audience, is refused with 401. */
@QuarkusTest
class JwtVerificationTest {

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("expired", TestTokens.as("admin", Roles.ADMIN).expiredSecondsAgo(3600).token()),
                Arguments.of("wrong issuer",
                        TestTokens.as("admin", Roles.ADMIN).issuer("https://evil.example").token()),
                Arguments.of("wrong audience", TestTokens.as("admin", Roles.ADMIN).audience("other-system").token()),
                Arguments.of("HS256-signed", TestTokens.as("admin", Roles.ADMIN).signedWithHs256().token()),
                Arguments.of("unsigned", TestTokens.as("admin", Roles.ADMIN).unsigned().token()),
                Arguments.of("foreign key", TestTokens.as("admin", Roles.ADMIN).signedWithForeignKey().token()),
                Arguments.of("garbage", "not.a.token"));
    }

    @ParameterizedTest(name = "{0} token is refused")
    @MethodSource("badTokens")
    void shouldRefuseBadTokens(String kind, String token) {
        given().auth().oauth2(token).get("/api/communities/" + UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ownersvote:problem:unauthenticated"));
    }

    @ParameterizedTest(name = "a valid token gets past authentication")
    @MethodSource("validToken")
    void aValidTokenIsAccepted(String token) {
        given().auth().oauth2(token).get("/api/communities/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    static Stream<String> validToken() {
        return Stream.of(TestTokens.as("admin", Roles.ADMIN).token());
    }
}
