package org.ownersvote.ballot;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** The platform's cache of verified tokens is in place, and lets through nothing that was not verified. */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    JWTParser parser;

    @Test
    void theSameTokenIsVerifiedOnceAndThenRemembered() throws Exception {
        String token = TestTokens.as("leader", Roles.BUILDING_LEADER).token();
        assertSame(parser.parse(token), parser.parse(token));
    }

    @Test
    void aTokenThatDiffersInAnyByteIsVerifiedAfresh() throws Exception {
        String token = TestTokens.as("leader", Roles.BUILDING_LEADER).token();
        parser.parse(token);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThrows(ParseException.class, () -> parser.parse(tampered));
        assertThrows(ParseException.class, () -> parser.parse(TestTokens.as("x", Roles.ADMIN).signedWithForeignKey()
                .token()));
    }
}
