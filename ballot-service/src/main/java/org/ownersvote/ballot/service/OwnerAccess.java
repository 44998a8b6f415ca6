package org.ownersvote.ballot.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.ballot.Ballot;
import org.ownersvote.ballot.BallotCode;
import org.ownersvote.ballot.CodeAttempt;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.CodeDelay;
import org.ownersvote.ballot.domain.SerialNumbers;
import org.ownersvote.ballot.domain.VerificationCodes;
import org.ownersvote.ballot.repository.CodeRepository;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.text.Digests;

/**
 * Checks an owner's ballot serial and verification code. Every wrong code is recorded (and committed) before the
 * answer goes out, so that guessing is counted even though the request fails; wrong codes make the source that
 * typed them wait longer and longer, never the ballot's owner elsewhere (see {@link CodeDelay} for the arithmetic).
 */
@ApplicationScoped
public class OwnerAccess {

    @Inject
    CodeSecret secret;

    @Inject
    AuditLog audit;

    @Inject
    CodeRepository codes;

    /** What a check found; {@link #granted} turns a failure into its problem once the attempt was committed. */
    public sealed interface Outcome {
    }

    public record Granted(Ballot ballot) implements Outcome {
    }

    public record Wrong() implements Outcome {
    }

    /** This source typed too many wrong codes for this ballot lately and must wait before the next try. */
    public record TooSoon(Duration remaining) implements Outcome {
    }

    /** The ballot of a granted check; otherwise the problem to answer. Call it after {@link #check} committed. */
    public static Ballot granted(Outcome outcome) {
        if (outcome instanceof Granted granted) {
            return granted.ballot();
        }
        if (outcome instanceof TooSoon tooSoon) {
            long seconds = Math.max(1, (tooSoon.remaining().toMillis() + 999) / 1000); // rounded up: never too early
            throw ProblemException.tooManyRequests("ballot-code-wait",
                    Text.of("owner.code-wait", waitInWords(seconds)), Duration.ofSeconds(seconds));
        }
        throw ProblemException.unauthorized("wrong-ballot-code", Text.of("owner.wrong-code"));
    }

    /**
     * A wait as people say it: "45 seconds" under a minute, else whole minutes rounded up ("2 minutes"), so the
     * words never promise an earlier try than Retry-After allows.
     */
    static Text waitInWords(long seconds) {
        if (seconds < 60) {
            return seconds == 1 ? Text.of("wait.one-second") : Text.of("wait.seconds", seconds);
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? Text.of("wait.one-minute") : Text.of("wait.minutes", minutes);
    }

    /** The source of an owner's sign-in: the client address the gateway saw, kept only as a hash. */
    public static String addressSource(String address) {
        return address == null || address.isBlank() ? "address:unknown"
                : "address:" + Digests.sha256Hex(address).substring(0, 24);
    }

    /** The source of a vote: the owner's own session, which only the holder of the ballot's code could open. */
    public static final String OWNER_SESSION = "owner-session";

    /**
     * Checks in a transaction of its own, so that a wrong code is counted even though the request then fails.
     * Wrong codes slow down only the source that typed them ({@link CodeDelay}); a source that must wait is
     * answered without the code being checked.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome check(String serial, String code, String source) {
        if (!SerialNumbers.wellFormed(serial)) {
            return new Wrong();
        }
        // locking the ballot's code row puts every attempt for one serial in a line
        BallotCode stored = codes.lockedCode(serial).orElse(null);
        if (stored == null) {
            return new Wrong(); // unknown, or never printed: the same answer, nothing to enumerate
        }
        OffsetDateTime now = OffsetDateTime.now();
        CodeAttempt attempt = codes.attempts(serial, source).orElse(null);
        CodeDelay delay = attempt == null ? CodeDelay.none() : attempt.delay();
        Duration wait = delay.waitAt(now);
        if (!wait.isZero()) {
            return new TooSoon(wait);
        }
        Ballot ballot = Ballot.findById(stored.ballotId);
        if (!VerificationCodes.matches(secret.bytes(), serial, code, stored.codeHash)) {
            if (attempt == null) {
                attempt = new CodeAttempt();
                attempt.serial = serial;
                attempt.source = source;
                attempt.delay(delay.afterFailure(now));
                attempt.persist();
            } else {
                attempt.delay(delay.afterFailure(now));
            }
            audit.record("owner:" + serial, "ballot.code.wrong", "ballot", serial, ballot.electionId,
                    "wrong verification code (" + attempt.failures + " from " + source + ")");
            return new Wrong();
        }
        if (attempt != null) {
            attempt.delete();
        }
        if (ballot.status == BallotStatus.VOIDED) {
            throw ProblemException.conflict("ballot-voided", Text.of("owner.ballot-voided"));
        }
        return new Granted(ballot);
    }

    /**
     * The building leader or working group helps an owner who cannot sign in: every source's wrong codes for the
     * ballot are forgotten. Returns how many sources had to wait.
     */
    @Transactional
    public long forgetWrongCodes(String serial, UUID electionId, String actor) {
        long cleared = codes.forgetAttempts(serial);
        audit.record(actor, "ballot.code.attempts-cleared", "ballot", serial, electionId,
                cleared + " sources' wrong codes forgotten");
        return cleared;
    }
}
