package org.ownersvote.gateway.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.gateway.repository.RefreshTokenRepository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Whether an access token's session is still live: its refresh-token family ({@code sid} claim) not revoked (by
 * logout, reuse of a refresh token, or the account being disabled) and its account enabled. The gateway asks on every
 * authenticated request ({@code SessionRoute}), so signing out or disabling an account ends its access tokens at once
 * instead of when they expire.
 *
 * <p>The answer is remembered for {@code ownersvote.gateway.session-check-cache} (default 1 s) so that a burst of
 * requests costs one indexed lookup. This replica forgets a session the moment it revokes it; another replica
 * of the gateway notices within that window. That window is the longest a revoked token still works anywhere.
 */
@ApplicationScoped
public class SessionCheck {

    /** The session's account, or null if the session is over. */
    private record Known(UUID account) {
    }

    private final Cache<UUID, Known> known;

    @Inject
    RefreshTokenRepository tokens;

    @Inject
    public SessionCheck(GatewayConfig config) {
        this.known = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(config.sessionCheckCache()).build();
    }

    /** The remembered answer, if there is one still fresh: callable on the event loop. */
    public Optional<Boolean> remembered(UUID session, UUID account) {
        Known k = known.getIfPresent(session);
        return k == null ? Optional.empty() : Optional.of(account.equals(k.account()));
    }

    /** Asks the database (blocking): live if the family has a token not revoked and its account is enabled. */
    public boolean live(UUID session, UUID account) {
        UUID owner = tokens.liveSessionAccount(session);
        known.put(session, new Known(owner));
        return account.equals(owner);
    }

    /** A session this replica just ended. */
    public void forget(UUID session) {
        known.invalidate(session);
    }

    /** Every session of an account this replica just disabled. */
    public void forgetAccount(UUID account) {
        known.asMap().values().removeIf(k -> account.equals(k.account()));
    }
}
