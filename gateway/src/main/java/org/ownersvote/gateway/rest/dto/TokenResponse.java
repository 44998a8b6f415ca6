package org.ownersvote.gateway.rest.dto;

import java.util.List;

import org.ownersvote.gateway.service.Sessions;

/**
 * A sign-in's tokens. Staff get a refresh token too (used once, at POST /api/auth/refresh, for the next pair);
 * owners do not: they sign in again with the code on their ballot.
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, List<String> roles,
        String refreshToken, Long refreshExpiresIn) {

    public static TokenResponse of(Sessions.SignedIn s) {
        return new TokenResponse(s.accessToken(), "Bearer", s.expiresIn(), s.roles(), s.refreshToken(),
                s.refreshExpiresIn());
    }
}
