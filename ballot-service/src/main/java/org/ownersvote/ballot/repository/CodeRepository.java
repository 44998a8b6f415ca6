package org.ownersvote.ballot.repository;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.Session;
import org.ownersvote.ballot.BallotCode;
import org.ownersvote.ballot.CodeAttempt;

/** The verification codes printed on ballots (as keyed hashes) and the wrong codes typed for them. */
@ApplicationScoped
public class CodeRepository {

    @Inject
    EntityManager em;

    /** A freshly printed code of one ballot, as its keyed hash. */
    public record PrintedCode(UUID ballotId, String serial, String codeHash) {
    }

    /** The ballot's code row, locked: every attempt for one serial waits in line here. */
    public Optional<BallotCode> lockedCode(String serial) {
        return BallotCode.<BallotCode>find("serial", serial).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<CodeAttempt> attempts(String serial, String source) {
        return Optional.ofNullable(em.find(CodeAttempt.class, new CodeAttempt.Key(serial, source)));
    }

    /** Forgets every source's wrong codes for the ballot; returns how many sources there were. */
    public long forgetAttempts(String serial) {
        return CodeAttempt.delete("serial", serial);
    }

    /**
     * Stores the new codes in place of the old ones, in two batches, and forgets the wrong codes typed against the
     * old sheets: they say nothing about the new code.
     */
    public void replaceCodes(List<PrintedCode> codes, OffsetDateTime printedAt, String printedBy) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into ballot_code (ballot_id, serial, code_hash, printed_at, printed_by)
                    values (?, ?, ?, ?, ?)
                    on conflict (ballot_id) do update set code_hash = excluded.code_hash,
                        printed_at = excluded.printed_at, printed_by = excluded.printed_by""");
                    PreparedStatement forget = connection.prepareStatement(
                            "delete from code_attempt where serial = ?")) {
                for (PrintedCode code : codes) {
                    upsert.setObject(1, code.ballotId());
                    upsert.setString(2, code.serial());
                    upsert.setString(3, code.codeHash());
                    upsert.setObject(4, printedAt);
                    upsert.setString(5, printedBy);
                    upsert.addBatch();
                    forget.setString(1, code.serial());
                    forget.addBatch();
                }
                upsert.executeBatch();
                forget.executeBatch();
            }
        });
    }
}
