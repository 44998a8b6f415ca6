package org.ownersvote.gateway.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Failed logins counted per key in a window, and the keys locked ({@code login_throttle}). */
@ApplicationScoped
public class LoginThrottleRepository {

    @Inject
    EntityManager em;

    /** The seconds (rounded up) the key stays locked after {@code now}; empty if it is not locked. */
    public Optional<Long> lockedSeconds(String key, OffsetDateTime now) {
        List<?> locked = em.createNativeQuery("select ceil(extract(epoch from (locked_until - ?2))) "
                + "from login_throttle where key = ?1 and locked_until > ?2").setParameter(1, key)
                .setParameter(2, now).getResultList();
        return locked.isEmpty() ? Optional.empty() : Optional.of(((Number) locked.get(0)).longValue());
    }

    /** Counts a failure in the key's window, starting a new window at {@code now} if it began before windowStart. */
    public void countFailure(String key, OffsetDateTime now, OffsetDateTime windowStart) {
        em.createNativeQuery(
                """
                        insert into login_throttle (key, failures, window_started_at) values (?1, 1, ?2)
                        on conflict (key) do update set
                            failures = case when login_throttle.window_started_at < ?3 then 1 else login_throttle.failures + 1 end,
                            window_started_at = case when login_throttle.window_started_at < ?3 then ?2
                                                     else login_throttle.window_started_at end""")
                .setParameter(1, key).setParameter(2, now).setParameter(3, windowStart).executeUpdate();
    }

    /** Locks the key until {@code until} if it has {@code maxFailures} failures, starting a new window; true if so. */
    public boolean lockAtLimit(String key, OffsetDateTime until, OffsetDateTime now, int maxFailures) {
        return em.createNativeQuery("update login_throttle set locked_until = ?2, failures = 0, "
                + "window_started_at = ?3 where key = ?1 and failures >= ?4").setParameter(1, key)
                .setParameter(2, until).setParameter(3, now).setParameter(4, maxFailures)
                .executeUpdate() > 0;
    }

    /** Forgets the key's failures, unless it is locked at {@code now}. */
    public void clearUnlocked(String key, OffsetDateTime now) {
        em.createNativeQuery("delete from login_throttle where key = ?1 and (locked_until is null "
                + "or locked_until <= ?2)").setParameter(1, key).setParameter(2, now)
                .executeUpdate();
    }
}
