package org.ownersvote.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.gateway.StaffAccount;
import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.gateway.repository.RefreshTokenRepository;
import org.ownersvote.platform.audit.AuditLog;

/**
 * Refresh tokens: random, stored only as SHA-256, rotated on every use. A token used a second time means someone
 * else holds a copy, so its whole family (every token since that login) is revoked; so is every family of an account
 * that is disabled, and the family of a session that logs out.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RefreshTokenRepository tokens;

    @Inject
    GatewayConfig config;

    @Inject
    AuditLog audit;

    /** The outcome of presenting a refresh token; only OK carries the account, the next token and its session. */
    public record Rotation(Result result, StaffAccount account, String next, UUID session) {
        Rotation(Result result, StaffAccount account) {
            this(result, account, null, null);
        }
    }

    /** A refresh token and its session (family), whose id access tokens carry as {@code sid}. */
    public record Started(String token, UUID session) {
    }

    @Inject
    SessionCheck sessions;

    public enum Result {
        OK, UNKNOWN, EXPIRED, REVOKED, REUSED, ACCOUNT_DISABLED
    }

    /** A new family's first token, at login: the family is the session. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Started start(StaffAccount account) {
        UUID family = UUID.randomUUID();
        return new Started(issue(account, family), family);
    }

    /**
     * Uses a refresh token. Revocations (reuse, disabled account) are committed even though the caller then answers
     * 401: the result is returned, not thrown.
     */
    @Transactional
    public Rotation rotate(String token) {
        OffsetDateTime now = OffsetDateTime.now();
        Optional<RefreshTokenRepository.Stored> stored = tokens.lockByHash(hash(token), now);
        if (stored.isEmpty()) {
            return new Rotation(Result.UNKNOWN, null);
        }
        RefreshTokenRepository.Stored row = stored.get();
        UUID id = row.id();
        UUID family = row.family();
        StaffAccount account = StaffAccount.findById(row.account());
        if (row.revoked()) {
            return new Rotation(Result.REVOKED, account);
        }
        if (row.used()) {
            revokeFamily(family, "refresh token used twice");
            audit.record(account.username, "refresh.reused", "token_family", family, null,
                    "a used refresh token was presented again: every token of the family is revoked");
            return new Rotation(Result.REUSED, account);
        }
        if (!account.enabled) {
            revokeFamily(family, "account disabled");
            return new Rotation(Result.ACCOUNT_DISABLED, account);
        }
        if (row.expired()) {
            return new Rotation(Result.EXPIRED, account);
        }
        tokens.markUsed(id, now);
        return new Rotation(Result.OK, account, issue(account, family), family);
    }

    /** Logout: the session's family is revoked. Unknown tokens are ignored (nothing to tell a caller). */
    @Transactional
    public void logout(String token) {
        tokens.familiesOf(hash(token)).forEach(f -> revokeFamily(f, "logout"));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeAccount(UUID accountId, String reason) {
        return tokens.revokeAccount(accountId, reason, OffsetDateTime.now());
    }

    private void revokeFamily(UUID family, String reason) {
        sessions.forget(family); // its access tokens stop working at the next request
        tokens.revokeFamily(family, reason, OffsetDateTime.now());
    }

    private String issue(StaffAccount account, UUID family) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now();
        tokens.insert(family, account.id, hash(token), now, now.plus(config.refreshTokenLifetime()));
        return token;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
