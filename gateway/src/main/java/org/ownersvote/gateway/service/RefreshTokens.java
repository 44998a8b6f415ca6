package org.ownersvote.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ownersvote.gateway.StaffAccount;
import org.ownersvote.gateway.config.GatewayConfig;
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
    EntityManager em;

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
        List<?> rows = em.createNativeQuery("select id, family_id, account_id, expires_at < ?2, used_at, revoked_at "
                + "from refresh_token where token_hash = ?1 for update").setParameter(1, hash(token))
                .setParameter(2, now).getResultList();
        if (rows.isEmpty()) {
            return new Rotation(Result.UNKNOWN, null);
        }
        Object[] row = (Object[]) rows.get(0);
        UUID id = (UUID) row[0];
        UUID family = (UUID) row[1];
        StaffAccount account = StaffAccount.findById(row[2]);
        if (row[5] != null) {
            return new Rotation(Result.REVOKED, account);
        }
        if (row[4] != null) {
            revokeFamily(family, "refresh token used twice");
            audit.record(account.username, "refresh.reused", "token_family", family, null,
                    "a used refresh token was presented again: every token of the family is revoked");
            return new Rotation(Result.REUSED, account);
        }
        if (!account.enabled) {
            revokeFamily(family, "account disabled");
            return new Rotation(Result.ACCOUNT_DISABLED, account);
        }
        if (Boolean.TRUE.equals(row[3])) {
            return new Rotation(Result.EXPIRED, account);
        }
        em.createNativeQuery("update refresh_token set used_at = ?2 where id = ?1").setParameter(1, id)
                .setParameter(2, now).executeUpdate();
        return new Rotation(Result.OK, account, issue(account, family), family);
    }

    /** Logout: the session's family is revoked. Unknown tokens are ignored (nothing to tell a caller). */
    @Transactional
    public void logout(String token) {
        List<?> families = em.createNativeQuery("select family_id from refresh_token where token_hash = ?1")
                .setParameter(1, hash(token)).getResultList();
        families.forEach(f -> revokeFamily((UUID) f, "logout"));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeAccount(UUID accountId, String reason) {
        return em.createNativeQuery("update refresh_token set revoked_at = ?2, revoked_reason = ?3 "
                + "where account_id = ?1 and revoked_at is null").setParameter(1, accountId)
                .setParameter(2, OffsetDateTime.now()).setParameter(3, reason).executeUpdate();
    }

    private void revokeFamily(UUID family, String reason) {
        sessions.forget(family); // its access tokens stop working at the next request
        em.createNativeQuery("update refresh_token set revoked_at = ?2, revoked_reason = ?3 "
                + "where family_id = ?1 and revoked_at is null").setParameter(1, family)
                .setParameter(2, OffsetDateTime.now()).setParameter(3, reason).executeUpdate();
    }

    private String issue(StaffAccount account, UUID family) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now();
        em.createNativeQuery("insert into refresh_token (id, family_id, account_id, token_hash, issued_at, expires_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, UUID.randomUUID()).setParameter(2, family)
                .setParameter(3, account.id).setParameter(4, hash(token)).setParameter(5, now)
                .setParameter(6, now.plus(config.refreshTokenLifetime())).executeUpdate();
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
