package org.ownersvote.platform.idempotency;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

import io.quarkus.scheduler.Scheduled;

/**
 * The table of keys (platform migration V0_2): taking a key's row, the answer stored with it, and the purge.
 * Every method runs in the request's own transaction, begun by {@link IdempotencyInterceptor}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);

    /** PostgreSQL's lock_not_available: lock_timeout passed while waiting for another request's key. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Inject
    EntityManager em;

    /** How long a key and its answer are kept (24 hours). */
    @ConfigProperty(name = "ownersvote.idempotency.retention", defaultValue = "PT24H")
    Duration retention;

    /** How long a request waits for the first request with its key to finish before it is answered 409. */
    @ConfigProperty(name = "ownersvote.idempotency.wait", defaultValue = "PT30S")
    Duration wait;

    /** An answer stored with a key. */
    record Answer(int status, String contentType, String location, byte[] body) {
    }

    /**
     * Takes the row of this caller's key for this request: empty when the request is the key's first (or the key's
     * earlier use has expired), and the request is to run; the stored answer when it ran before. Waits while another
     * request holds the key (its transaction locks the row), at most {@code wait}.
     *
     * @throws ProblemException 422 idempotency-key-reused when the key was used for another method, path or body;
     *                          409 idempotency-key-in-use when the first request still runs after {@code wait}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Answer> claim(String caller, IdempotencyRequest request) {
        String before = (String) em.createNativeQuery("select current_setting('lock_timeout')").getSingleResult();
        setLockTimeout(wait.toMillis() + "ms");
        Object[] row;
        try {
            int inserted = em.createNativeQuery("""
                    insert into idempotency_key (caller, idempotency_key, method, path, request_hash, created_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (caller, idempotency_key) do nothing""")
                    .setParameter(1, caller).setParameter(2, request.key()).setParameter(3, request.method())
                    .setParameter(4, request.path()).setParameter(5, request.bodyHash())
                    .setParameter(6, OffsetDateTime.now()).executeUpdate();
            if (inserted == 1) {
                setLockTimeout(before);
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select method, path, request_hash, created_at, status, content_type, location, body
                    from idempotency_key where caller = ?1 and idempotency_key = ?2 for update""")
                    .setParameter(1, caller).setParameter(2, request.key()).getResultList();
            row = rows.get(0);
        } catch (PersistenceException e) {
            if (lockTimedOut(e)) {
                throw ProblemException.conflict("idempotency-key-in-use", Text.of("problem.idempotency-key-in-use"));
            }
            throw e;
        }
        setLockTimeout(before);
        OffsetDateTime created = toOffsetDateTime(row[3]);
        if (created.isBefore(OffsetDateTime.now().minus(retention))) {
            // an expired key not purged yet: it is new again
            em.createNativeQuery("""
                    update idempotency_key set method = ?3, path = ?4, request_hash = ?5, created_at = ?6,
                    status = null, content_type = null, location = null, body = null
                    where caller = ?1 and idempotency_key = ?2""")
                    .setParameter(1, caller).setParameter(2, request.key()).setParameter(3, request.method())
                    .setParameter(4, request.path()).setParameter(5, request.bodyHash())
                    .setParameter(6, OffsetDateTime.now()).executeUpdate();
            return Optional.empty();
        }
        if (!request.method().equals(row[0]) || !request.path().equals(row[1]) || !request.bodyHash().equals(row[2])) {
            throw new ProblemException(422, "idempotency-key-reused", Text.of("problem.idempotency-key-reused"),
                    List.of());
        }
        if (row[4] == null) {
            // committed rows always hold an answer; a row without one is a bug, not a reason to apply twice
            throw new IllegalStateException("idempotency key row without an answer");
        }
        return Optional.of(new Answer(((Number) row[4]).intValue(), (String) row[5], (String) row[6],
                row[7] == null ? new byte[0] : (byte[]) row[7]));
    }

    /** Stores the answer with the key, in the transaction of the effect. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answer(String caller, String key, Answer answer) {
        em.createNativeQuery("""
                update idempotency_key set status = ?3, content_type = ?4, location = ?5, body = ?6
                where caller = ?1 and idempotency_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, answer.status())
                .setParameter(4, answer.contentType()).setParameter(5, answer.location())
                .setParameter(6, answer.body()).executeUpdate();
    }

    /** Keys older than the retention are forgotten: the same key then applies again. */
    @Scheduled(every = "${ownersvote.idempotency.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purge() {
        int purged = em.createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, OffsetDateTime.now().minus(retention)).executeUpdate();
        if (purged > 0) {
            LOG.debugf("purged %d idempotency keys", purged);
        }
    }

    private void setLockTimeout(String value) {
        em.createNativeQuery("select set_config('lock_timeout', ?1, true)").setParameter(1, value).getSingleResult();
    }

    private static boolean lockTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
