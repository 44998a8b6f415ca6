package org.ownersvote.gateway.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.gateway.domain.Wait;
import org.ownersvote.gateway.repository.LoginThrottleRepository;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.metrics.Figures;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

/**
 * Limits guessing passwords and ballot codes: failures are counted per account and per client address in a
 * window; at the limit the key is locked for a while and every login for it answers 429 with Retry-After, even
 * with the right password. Failures are committed on their own, since the login itself answers 401.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    LoginThrottleRepository throttles;

    @Inject
    Figures figures;

    @Inject
    GatewayConfig config;

    @Inject
    AuditLog audit;

    public static String account(String username) {
        return "account:" + username.toLowerCase();
    }

    public static String address(String address) {
        return "address:" + address;
    }

    /** Refuses with 429 if any of the keys is locked now, saying how long to wait in words. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void check(String actor, String... keys) {
        OffsetDateTime now = OffsetDateTime.now();
        for (String key : keys) {
            Optional<Long> locked = throttles.lockedSeconds(key, now);
            if (locked.isPresent()) {
                long seconds = locked.get();
                audit.recordRefusal(actor, "login", "login", key, null, "throttled for " + seconds + " s");
                Duration wait = Duration.ofSeconds(Math.max(1, seconds));
                throw ProblemException.tooManyRequests("too-many-logins", key.startsWith("account:")
                        ? Text.of("login.too-many-for-account", Wait.of(wait))
                        : Text.of("login.too-many-from-address", Wait.of(wait)), wait);
            }
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String key) {
        GatewayConfig.Throttle limit = key.startsWith("account:") ? config.accountLogins() : config.addressLogins();
        OffsetDateTime now = OffsetDateTime.now();
        throttles.countFailure(key, now, now.minus(limit.window()));
        String scope = key.startsWith("account:") ? "account" : "address";
        figures.count("ownersvote.logins.failed", "scope", scope);
        if (throttles.lockAtLimit(key, now.plus(limit.lockFor()), now, limit.maxFailures())) {
            figures.count("ownersvote.logins.locked", "scope", scope);
        }
    }

    /** A successful login clears its account's count (not the address's: one good account must not clear it). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String accountKey) {
        throttles.clearUnlocked(accountKey, OffsetDateTime.now());
    }
}
