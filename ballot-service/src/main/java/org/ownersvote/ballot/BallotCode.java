package org.ownersvote.ballot;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.ownersvote.ballot.domain.CodeLockout;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The keyed hash of the verification code printed on a ballot's stub, and the wrong codes typed for it. */
@Entity
@Table(name = "ballot_code")
public class BallotCode extends PanacheEntityBase {

    @Id
    @Column(name = "ballot_id")
    public UUID ballotId;

    @Column(nullable = false)
    public String serial;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(name = "printed_at", nullable = false)
    public OffsetDateTime printedAt;

    @Column(name = "printed_by", nullable = false)
    public String printedBy;

    @Column(nullable = false)
    public int failures;

    @Column(name = "failure_window_at")
    public OffsetDateTime failureWindowAt;

    @Column(name = "locked_until")
    public OffsetDateTime lockedUntil;

    public CodeLockout lockout() {
        return new CodeLockout(failures, failureWindowAt, lockedUntil);
    }

    public void lockout(CodeLockout state) {
        failures = state.failures();
        failureWindowAt = state.windowStart();
        lockedUntil = state.lockedUntil();
    }
}
