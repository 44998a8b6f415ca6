package org.ownersvote.platform.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Remembers access tokens this process has already verified, for at most a minute and never past their expiry.
 * A building leader sends the same token with every handout; checking its RS256 signature again each time was the
 * largest single cost of a request (about a third of ballot-service's CPU under load, measured with JFR). The key
 * is the whole token, so only the very same bytes, already verified, are let through; a token signed with a key
 * that was since rotated out stays accepted for at most that minute.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {

    static final Duration KEPT = Duration.ofMinutes(1);

    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(KEPT)
            .build();

    @Inject
    @Delegate
    @Any
    JWTParser delegate;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && Instant.now().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken fresh = delegate.parse(token);
        verified.put(token, fresh);
        return fresh;
    }
}
