package org.ownersvote.gateway.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.agroal.api.AgroalDataSource;

/** Refresh tokens by their hash, in families: one family per login, the session ({@code refresh_token}). */
@ApplicationScoped
public class RefreshTokenRepository {

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource database;

    /** A stored token as rotation reads it. */
    public record Stored(UUID id, UUID family, UUID account, boolean expired, boolean used, boolean revoked) {
    }

    /** The token with this hash, locked for update; {@code expired} as of {@code now}. */
    public Optional<Stored> lockByHash(String tokenHash, OffsetDateTime now) {
        List<?> rows = em.createNativeQuery("select id, family_id, account_id, expires_at < ?2, used_at, revoked_at "
                + "from refresh_token where token_hash = ?1 for update").setParameter(1, tokenHash)
                .setParameter(2, now).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Stored((UUID) row[0], (UUID) row[1], (UUID) row[2], Boolean.TRUE.equals(row[3]),
                row[4] != null, row[5] != null));
    }

    public void markUsed(UUID id, OffsetDateTime at) {
        em.createNativeQuery("update refresh_token set used_at = ?2 where id = ?1").setParameter(1, id)
                .setParameter(2, at).executeUpdate();
    }

    /** The families of the tokens with this hash (none or one). */
    @SuppressWarnings("unchecked")
    public List<UUID> familiesOf(String tokenHash) {
        return em.createNativeQuery("select family_id from refresh_token where token_hash = ?1")
                .setParameter(1, tokenHash).getResultList();
    }

    /** Revokes every token of the account not revoked yet; how many. */
    public int revokeAccount(UUID accountId, String reason, OffsetDateTime at) {
        return em.createNativeQuery("update refresh_token set revoked_at = ?2, revoked_reason = ?3 "
                + "where account_id = ?1 and revoked_at is null").setParameter(1, accountId)
                .setParameter(2, at).setParameter(3, reason).executeUpdate();
    }

    public void revokeFamily(UUID family, String reason, OffsetDateTime at) {
        em.createNativeQuery("update refresh_token set revoked_at = ?2, revoked_reason = ?3 "
                + "where family_id = ?1 and revoked_at is null").setParameter(1, family)
                .setParameter(2, at).setParameter(3, reason).executeUpdate();
    }

    public void insert(UUID family, UUID accountId, String tokenHash, OffsetDateTime issuedAt,
            OffsetDateTime expiresAt) {
        em.createNativeQuery("insert into refresh_token (id, family_id, account_id, token_hash, issued_at, expires_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, UUID.randomUUID()).setParameter(2, family)
                .setParameter(3, accountId).setParameter(4, tokenHash).setParameter(5, issuedAt)
                .setParameter(6, expiresAt).executeUpdate();
    }

    /**
     * The account of a live session: its family has a token not revoked and its account is enabled; null if none.
     * Asked outside any transaction, on a connection of its own (blocking).
     */
    public UUID liveSessionAccount(UUID session) {
        try (Connection c = database.getConnection();
                PreparedStatement q = c.prepareStatement("select t.account_id from refresh_token t "
                        + "join staff_account a on a.id = t.account_id "
                        + "where t.family_id = ? and t.revoked_at is null and a.enabled limit 1")) {
            q.setObject(1, session);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return rs.getObject(1, UUID.class);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check session " + session, e);
        }
        return null;
    }
}
