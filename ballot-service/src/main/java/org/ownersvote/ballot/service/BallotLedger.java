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
import org.ownersvote.ballot.counting.FinalTally;
import org.ownersvote.ballot.domain.BallotAction;
import org.ownersvote.ballot.domain.BallotStateMachine;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.SerialNumbers;
import org.ownersvote.events.ballot.BallotStepRecorded;
import org.ownersvote.events.election.ElectionPhase;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.outbox.Outbox;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.problem.When;
import org.ownersvote.platform.security.Caller;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.metrics.Figures;

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
    ElectionLocks elections;

    /** Details of one step for the ledger row. */
    public record Step(String recipientName, String relation, String method, String channel, String reason,
            OffsetDateTime at) {
    }

    /**
     * Finds and locks the ballot, and checks that the caller may act on it: the working group of its community, or a building
     * leader of its election whose buildings include the ballot's building.
     */
    private Ballot lockedScopedBallot(String serial, Caller caller) {
        return scopedBallot(serial, LockModeType.PESSIMISTIC_WRITE, caller);
    }

    /**
     * The ballot with this serial if the caller's scope covers it. Serials are sequential, so a ballot outside the
     * caller's scope is answered exactly as one that does not exist: a refusal would tell that it does.
     */
    public static Ballot scopedBallot(String serial, LockModeType lock, Caller caller) {
        Ballot ballot = Ballot.bySerial(serial, lock);
        try {
            requireScope(BallotElection.findById(ballot.electionId), ballot.building, caller);
        } catch (ProblemException outsideScope) {
            throw ProblemException.notFound(Text.of("thing.ballot"), ballot.serial);
        }
        return ballot;
    }

    public static void requireScope(BallotElection election, String building, Caller caller) {
        caller.requireElection(election.communityId, election.id);
        if (caller.hasRole(Roles.BUILDING_LEADER) && !caller.hasRole(Roles.WORKING_GROUP)
                && (building == null || !caller.buildings().contains(building))) {
            throw ProblemException.forbidden(building == null ? Text.of("scope.building-leader-needs-building")
                    : Text.of("scope.other-buildings", building));
        }
    }

    @Transactional
    public Ballot record(String serial, BallotAction action, Step step, Caller caller) {
        // the close of voting waits for this step, or this step sees the close (VotingClose takes the lock to update)
        // (and reads the election in the same statement, so the reads below find it in the persistence context)
        elections.lockForStepOfBallot(serial);
        // one statement reads and locks the ballot: steps for one ballot are recorded one after the other
        Ballot ballot = lockedScopedBallot(serial, caller);
        BallotElection election = BallotElection.findById(ballot.electionId);
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime at = step.at() == null ? now : step.at();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("at", Text.of("step.at-in-future"));
        }
        if (election.votingOpenedAt != null && at.isBefore(election.votingOpenedAt)) {
            throw ProblemException.invalid("at",
                    Text.of("step.at-before-opening", When.of(election.votingOpenedAt.toInstant())));
        }
        boolean workingGroup = caller.hasRole(Roles.WORKING_GROUP);
        boolean reason = step.reason() != null && !step.reason().isBlank();
        OffsetDateTime ended = election.votingEndedAt(now);
        boolean countOpen = ended != null
                && (election.phase() == ElectionPhase.VOTING || election.phase() == ElectionPhase.COUNTING)
                && FinalTally.findById(election.id) == null;
        BallotStateMachine.Result result = BallotStateMachine.apply(ballot.status, action,
                new BallotStateMachine.Context(election.votingOpen(now), workingGroup, reason, countOpen,
                        ended != null && at.isBefore(ended), ended));
        if (!result.allowed()) {
            // kept on record: "a second paper ballot for a unit that already voted is refused and audited"
            audit.recordRefusal(caller.username(), "ballot." + action.name().toLowerCase(), "ballot", ballot.serial,
                    ballot.electionId, result.refusal().english());
            throw ProblemException.conflict("ballot-step-refused",
                    Text.of("step.refused", ballot.serial, result.refusal()));
        }
        ballot.status = result.next().get();
        String replacement = action == BallotAction.VOID ? reissue(ballot).serial : null;
        appendStep(ballot, action, step, at, caller.username(), replacement);
        em.flush();
        return action == BallotAction.VOID ? Ballot.<Ballot>find("serial", replacement).firstResult() : ballot;
    }

    /** Appends the step to the ballot's trail, to the audit log, and to the outbox as ballot.step-recorded. */
    void appendStep(Ballot ballot, BallotAction action, Step step, OffsetDateTime at, String actor,
            String replacement) {
        em.createNativeQuery("""
                insert into ballot_step (ballot_id, election_id, serial, action, recipient_name, relation, method,
                                         channel, reason, at, actor, recorded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""")
                .setParameter(1, ballot.id).setParameter(2, ballot.electionId).setParameter(3, ballot.serial)
                .setParameter(4, action.name()).setParameter(5, step.recipientName()).setParameter(6, step.relation())
                .setParameter(7, step.method()).setParameter(8, step.channel()).setParameter(9, step.reason())
                .setParameter(10, at).setParameter(11, actor).setParameter(12, OffsetDateTime.now())
                .executeUpdate();
        audit.record(actor, "ballot." + action.name().toLowerCase(), "ballot", ballot.serial, ballot.electionId,
                ballot.building + " " + ballot.unit + (replacement == null ? "" : " → " + replacement));
        figures.count("ownersvote.ballot.steps", "action", action.name());
        outbox.publish(ballot.electionId, new BallotStepRecorded(ballot.electionId, ballot.serial, ballot.building,
                ballot.unit, action.name(), ballot.status.name(), at, step.reason(), replacement));
    }

    /** A new ballot for the unit of a voided one, with the next serial of the election. */
    private Ballot reissue(Ballot voided) {
        em.flush(); // the voided ballot leaves the one-live-ballot-per-unit index before its replacement enters
        Number last = (Number) em.createNativeQuery("select max(sequence) from ballot where election_id = ?1")
                .setParameter(1, voided.electionId).getSingleResult();
        Ballot replacement = new Ballot();
        replacement.id = UUID.randomUUID();
        replacement.electionId = voided.electionId;
        replacement.sequence = last.intValue() + 1;
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
        StringBuilder query = new StringBuilder("electionId = :election");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("election", electionId);
        if (building != null) {
            query.append(" and building = :building");
            params.put("building", building);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        // natural order (platform NaturalOrder, as SQL: natural_key): 1号楼 before 10号楼, unit 101 before 1001
        return Ballot.<Ballot>find(query + " order by function('natural_key', building), function('natural_key', unit),"
                + " sequence", params)
                .page(io.quarkus.panache.common.Page.of(page, size)).list();
    }
}
