package org.ownersvote.gateway.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ownersvote.gateway.config.GatewayConfig;
import org.ownersvote.gateway.domain.Wait;
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
    EntityManager em;

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
            List<?> locked = em.createNativeQuery("select ceil(extract(epoch from (locked_until - ?2))) "
                    + "from login_throttle where key = ?1 and locked_until > ?2").setParameter(1, key)
                    .setParameter(2, now).getResultList();
            if (!locked.isEmpty()) {
                long seconds = ((Number) locked.get(0)).longValue();
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
        em.createNativeQuery(
                """
                        insert into login_throttle (key, failures, window_started_at) values (?1, 1, ?2)
                        on conflict (key) do update set
                            failures = case when login_throttle.window_started_at < ?3 then 1 else login_throttle.failures + 1 end,
                            window_started_at = case when login_throttle.window_started_at < ?3 then ?2
                                                     else login_throttle.window_started_at end""")
                .setParameter(1, key).setParameter(2, now).setParameter(3, now.minus(limit.window())).executeUpdate();
        String scope = key.startsWith("account:") ? "account" : "address";
        figures.count("ownersvote.logins.failed", "scope", scope);
        int locked = em.createNativeQuery("update login_throttle set locked_until = ?2, failures = 0, "
                + "window_started_at = ?3 where key = ?1 and failures >= ?4").setParameter(1, key)
                .setParameter(2, now.plus(limit.lockFor())).setParameter(3, now).setParameter(4, limit.maxFailures())
                .executeUpdate();
        if (locked > 0) {
            figures.count("ownersvote.logins.locked", "scope", scope);
        }
    }

    /** A successful login clears its account's count (not the address's: one good account must not clear it). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String accountKey) {
        em.createNativeQuery("delete from login_throttle where key = ?1 and (locked_until is null "
                + "or locked_until <= ?2)").setParameter(1, accountKey).setParameter(2, OffsetDateTime.now())
                .executeUpdate();
    }
}
