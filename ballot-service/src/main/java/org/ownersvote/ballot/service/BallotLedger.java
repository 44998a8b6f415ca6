package org.ownersvote.ballot.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.ownersvote.ballot.Ballot;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.domain.BallotAction;
import org.ownersvote.ballot.domain.BallotStateMachine;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.BallotStep;
import org.ownersvote.ballot.domain.SerialNumbers;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.ballot.repository.ElectionLocks;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.ballot.repository.TallyRepository;
import org.ownersvote.events.ballot.BallotStepRecorded;
import org.ownersvote.events.election.ElectionPhase;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.metrics.Figures;
import org.ownersvote.platform.outbox.Outbox;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.problem.When;

/** Records handouts, undeliverable ballots, returns and voids, each checked by the ballot state machine. */
@ApplicationScoped
public class BallotLedger {

    /** A recorded time may lie this far in the future (clock differences between phones and server). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    EntityManager em;

    @Inject
    Figures figures;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    ElectionLocks locks;

    @Inject
    ElectionRepository elections;

    @Inject
    BallotRepository ballots;

    @Inject
    TallyRepository tallies;

    /**
     * Records the step if the ballot's state machine allows it. The resource has checked that the caller's scope
     * covers the ballot; {@code byWorkingGroup} is what the state machine asks of the recorder.
     */
    @Transactional
    public Ballot record(String serial, BallotStep step, String actor, boolean byWorkingGroup) {
        BallotAction action = step.action();
        // the close of voting waits for this step, or this step sees the close (VotingClose takes the lock to update)
        // (and reads the election in the same statement, so the reads below find it in the persistence context)
        locks.lockForStepOfBallot(serial);
        // one statement reads and locks the ballot: steps for one ballot are recorded one after the other
        Ballot ballot = ballots.bySerial(serial, LockModeType.PESSIMISTIC_WRITE);
        BallotElection election = elections.require(ballot.electionId);
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime at = step.at() == null ? now : step.at();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("at", Text.of("step.at-in-future"));
        }
        if (election.votingOpenedAt != null && at.isBefore(election.votingOpenedAt)) {
            throw ProblemException.invalid("at",
                    Text.of("step.at-before-opening", When.of(election.votingOpenedAt.toInstant())));
        }
        boolean reason = step.reason() != null && !step.reason().isBlank();
        OffsetDateTime ended = election.votingEndedAt(now);
        boolean countOpen = ended != null
                && (election.phase() == ElectionPhase.VOTING || election.phase() == ElectionPhase.COUNTING)
                && !tallies.isFinal(election.id);
        BallotStateMachine.Result result = BallotStateMachine.apply(ballot.status, action,
                new BallotStateMachine.Context(election.votingOpen(now), byWorkingGroup, reason, countOpen,
                        ended != null && at.isBefore(ended), ended));
        if (!result.allowed()) {
            // kept on record: "a second paper ballot for a unit that already voted is refused and audited"
            audit.recordRefusal(actor, "ballot." + action.name().toLowerCase(), "ballot", ballot.serial,
                    ballot.electionId, result.refusal().english());
            throw ProblemException.conflict("ballot-step-refused",
                    Text.of("step.refused", ballot.serial, result.refusal()));
        }
        ballot.status = result.next().get();
        String replacement = action == BallotAction.VOID ? reissue(ballot).serial : null;
        appendStep(ballot, step, at, actor, replacement);
        em.flush();
        return action == BallotAction.VOID ? ballots.bySerial(replacement, LockModeType.NONE) : ballot;
    }

    /** Appends the step to the ballot's trail, to the audit log, and to the outbox as ballot.step-recorded. */
    void appendStep(Ballot ballot, BallotStep step, OffsetDateTime at, String actor, String replacement) {
        BallotAction action = step.action();
        ballots.appendStep(ballot, step, at, actor);
        audit.record(actor, "ballot." + action.name().toLowerCase(), "ballot", ballot.serial, ballot.electionId,
                ballot.building + " " + ballot.unit + (replacement == null ? "" : " → " + replacement));
        figures.count("ownersvote.ballot.steps", "action", action.name());
        outbox.publish(ballot.electionId, new BallotStepRecorded(ballot.electionId, ballot.serial, ballot.building,
                ballot.unit, action.name(), ballot.status.name(), at, step.reason(), replacement));
    }

    /** A new ballot for the unit of a voided one, with the next serial of the election. */
    private Ballot reissue(Ballot voided) {
        em.flush(); // the voided ballot leaves the one-live-ballot-per-unit index before its replacement enters
        Ballot replacement = new Ballot();
        replacement.id = UUID.randomUUID();
        replacement.electionId = voided.electionId;
        replacement.sequence = ballots.lastSequence(voided.electionId) + 1;
        replacement.serial = SerialNumbers.serial(voided.electionId, replacement.sequence);
        replacement.building = voided.building;
        replacement.unit = voided.unit;
        replacement.kind = voided.kind;
        replacement.area = voided.area;
        replacement.personKey = voided.personKey;
        replacement.status = BallotStatus.ISSUED;
        replacement.replacesSerial = voided.serial;
        replacement.issuedAt = OffsetDateTime.now();
        replacement.persist();
        return replacement;
    }

    public List<Ballot> list(UUID electionId, String building, BallotStatus status, int page, int size) {
        return ballots.page(electionId, building, status, page, size);
    }
}
