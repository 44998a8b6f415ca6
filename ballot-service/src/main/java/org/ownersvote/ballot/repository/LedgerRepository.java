package org.ownersvote.ballot.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ownersvote.ballot.counting.LedgerRecord;
import org.ownersvote.ballot.domain.ledger.LedgerHead;

/** The hash-chained ballot ledger of each election: records are appended, never changed. */
@ApplicationScoped
public class LedgerRepository {

    @Inject
    EntityManager em;

    /** The last record's position and hash, in one indexed read; empty while nothing is counted. */
    public Optional<LedgerHead> tail(UUID electionId) {
        return em.createQuery("select r.position, r.hash from LedgerRecord r where r.electionId = ?1"
                + " order by r.position desc", Object[].class).setParameter(1, electionId).setMaxResults(1)
                .getResultStream().findFirst().map(row -> new LedgerHead((Integer) row[0], (String) row[1]));
    }

    /** The hash of the record at {@code position}; empty where the ledger has none there. */
    public Optional<String> hashAt(UUID electionId, int position) {
        return em.createQuery("select r.hash from LedgerRecord r where r.electionId = ?1 and r.position = ?2",
                String.class).setParameter(1, electionId).setParameter(2, position).getResultStream().findFirst();
    }

    /** A record's hash and canonical JSON, as text. */
    public record Text(String hash, String record) {
    }

    /**
     * At most {@code limit} records after position {@code after} and up to {@code last}, in ledger order: one page of
     * the ledger, read as text and not kept by the session.
     */
    public List<Text> page(UUID electionId, int after, int last, int limit) {
        return em.createQuery("select r.hash, r.record from LedgerRecord r where r.electionId = ?1"
                + " and r.position > ?2 and r.position <= ?3 order by r.position", Object[].class)
                .setParameter(1, electionId).setParameter(2, after).setParameter(3, last).setMaxResults(limit)
                .getResultStream().map(row -> new Text((String) row[0], (String) row[1])).toList();
    }

    /** The last record (the tail in one indexed read, not a count of the whole ledger); null while empty. */
    public LedgerRecord last(UUID electionId) {
        return LedgerRecord.<LedgerRecord>find("electionId = ?1 order by position desc", electionId).firstResult();
    }

    /** The record of the ballot with this serial; null while it is not counted. */
    public LedgerRecord ofSerial(String serial) {
        return LedgerRecord.<LedgerRecord>find("serial", serial).firstResult();
    }

    public boolean counted(String serial) {
        return LedgerRecord.count("serial", serial) > 0;
    }
}
