package org.ownersvote.ballot.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.ownersvote.ballot.Ballot;
import org.ownersvote.ballot.BallotCode;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.CodeLockout;
import org.ownersvote.ballot.domain.SerialNumbers;
import org.ownersvote.ballot.domain.VerificationCodes;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.problem.ProblemException;

/**
 * Checks an owner's ballot serial and verification code. Every wrong code is recorded (and committed) before the
 * answer goes out, so that guessing is counted even though the request fails; five within fifteen minutes lock the
 * serial.
 */
@ApplicationScoped
public class OwnerAccess {

    @Inject
    CodeSecret secret;

    @Inject
    AuditLog audit;

    /** What a check found; {@link #granted} turns a failure into its problem once the attempt was committed. */
    public sealed interface Outcome {
    }

    public record Granted(Ballot ballot) implements Outcome {
    }

    public record Wrong() implements Outcome {
    }

    public record Locked(OffsetDateTime until) implements Outcome {
    }

    /** The ballot of a granted check; otherwise the problem to answer. Call it after {@link #check} committed. */
    public static Ballot granted(Outcome outcome) {
        if (outcome instanceof Granted granted) {
            return granted.ballot();
        }
        if (outcome instanceof Locked locked) {
            throw ProblemException.tooManyRequests("ballot-locked",
                    "Too many wrong verification codes for this ballot; try again after " + locked.until(),
                    java.time.Duration.between(OffsetDateTime.now(), locked.until()));
        }
        throw ProblemException.unauthorized("wrong-ballot-code",
                "The ballot serial or the verification code is wrong (both are printed on your ballot)");
    }

    /** Checks in a transaction of its own, so that a wrong code is counted even though the request then fails. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome check(String serial, String code) {
        if (!SerialNumbers.wellFormed(serial)) {
            return new Wrong();
        }
        BallotCode stored = BallotCode.<BallotCode>find("serial", serial).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElse(null);
        if (stored == null) {
            return new Wrong(); // unknown, or never printed: the same answer, nothing to enumerate
        }
        OffsetDateTime now = OffsetDateTime.now();
        CodeLockout lockout = stored.lockout();
        if (lockout.lockedAt(now)) {
            return new Locked(lockout.lockedUntil());
        }
        Ballot ballot = Ballot.findById(stored.ballotId);
        if (!VerificationCodes.matches(secret.bytes(), serial, code, stored.codeHash)) {
            CodeLockout after = lockout.afterFailure(now);
            stored.lockout(after);
            audit.record("owner:" + serial, after.lockedAt(now) ? "ballot.code.locked" : "ballot.code.wrong", "ballot",
                    serial, ballot.electionId, "wrong verification code");
            return after.lockedAt(now) ? new Locked(after.lockedUntil()) : new Wrong();
        }
        stored.lockout(lockout.afterSuccess());
        if (ballot.status == BallotStatus.VOIDED) {
            throw ProblemException.conflict("ballot-voided", "This ballot was voided and replaced by another; "
                    + "use the serial and code of the replacement ballot you were given");
        }
        return new Granted(ballot);
    }
}
