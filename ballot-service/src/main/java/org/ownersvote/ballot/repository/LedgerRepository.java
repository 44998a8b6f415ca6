package org.ownersvote.ballot.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ownersvote.ballot.counting.LedgerRecord;

/** The hash-chained ballot ledger of each election: records are appended, never changed. */
@ApplicationScoped
public class LedgerRepository {

    @Inject
    EntityManager em;

    /** The hash of the last record; empty while nothing is counted. */
    public Optional<String> lastHash(UUID electionId) {
        return em.createQuery("select r.hash from LedgerRecord r where r.electionId = ?1 order by r.position desc",
                String.class).setParameter(1, electionId).setMaxResults(1).getResultStream().findFirst();
    }

    /** The last record (the tail in one indexed read, not a count of the whole ledger); null while empty. */
    public LedgerRecord last(UUID electionId) {
        return LedgerRecord.<LedgerRecord>find("electionId = ?1 order by position desc", electionId).firstResult();
    }

    public long length(UUID electionId) {
        return LedgerRecord.count("electionId", electionId);
    }

    /** The election's records in ledger order. */
    public List<LedgerRecord> records(UUID electionId) {
        return LedgerRecord.<LedgerRecord>find("electionId = ?1 order by position", electionId).list();
    }

    /** The record of the ballot with this serial; null while it is not counted. */
    public LedgerRecord ofSerial(String serial) {
        return LedgerRecord.<LedgerRecord>find("serial", serial).firstResult();
    }

    public boolean counted(String serial) {
        return LedgerRecord.count("serial", serial) > 0;
    }
}
