package org.ownersvote.ballot.service;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.ownersvote.ballot.Ballot;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.OnlineVote;
import org.ownersvote.ballot.domain.BallotAction;
import org.ownersvote.ballot.domain.BallotStateMachine;
import org.ownersvote.ballot.domain.BallotStep;
import org.ownersvote.ballot.domain.Mark;
import org.ownersvote.ballot.domain.OnlineBallotRules;
import org.ownersvote.ballot.repository.ElectionLocks;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.BallotMotion;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

import com.fasterxml.jackson.core.type.TypeReference;

/** An owner's electronic vote: checked against the ballot's candidates and seats, recorded once per unit. */
@ApplicationScoped
public class OnlineVoting {

    @Inject
    ElectionLocks locks;

    @Inject
    ElectionRepository elections;

    @Inject
    EntityManager em;

    @Inject
    BallotLedger ledger;

    @Inject
    AuditLog audit;

    /** The ballot's candidates and motions, as voting-opened listed them. */
    public record BallotContent(List<BallotCandidate> candidates, List<BallotMotion> motions) {
        public static BallotContent of(BallotElection election) {
            return new BallotContent(read(election.ballotCandidates, new TypeReference<List<BallotCandidate>>() {
            }), read(election.ballotMotions, new TypeReference<List<BallotMotion>>() {
            }));
        }

        private static <T> List<T> read(String json, TypeReference<List<T>> type) {
            if (json == null) {
                return List.of();
            }
            try {
                return EventCodec.mapper().readValue(json, type);
            } catch (IOException e) {
                throw new IllegalStateException("stored ballot content is not readable", e);
            }
        }
    }

    /** Records the vote of the (already verified) owner of this ballot. */
    @Transactional
    public Ballot cast(Ballot verified, Map<String, Mark> marks, Map<String, Mark> motions) {
        locks.lockForStep(verified.electionId); // a vote is measured against the close: see ElectionLocks
        Ballot ballot = em.find(Ballot.class, verified.id, LockModeType.PESSIMISTIC_WRITE);
        BallotElection election = elections.require(ballot.electionId);
        OffsetDateTime now = OffsetDateTime.now();
        String actor = "owner:" + ballot.serial;
        BallotStateMachine.Result result = BallotStateMachine.apply(ballot.status, BallotAction.CAST,
                new BallotStateMachine.Context(election.votingOpen(now), false, false, false, false,
                        election.votingEndedAt(now)));
        if (!result.allowed()) {
            audit.recordRefusal(actor, "ballot.cast", "ballot", ballot.serial, ballot.electionId,
                    result.refusal().english());
            throw ProblemException.conflict("ballot-step-refused",
                    Text.of("step.refused", ballot.serial, result.refusal()));
        }
        BallotContent content = BallotContent.of(election);
        List<OnlineBallotRules.Refusal> refusals = OnlineBallotRules.check(
                content.candidates().stream().map(c -> c.candidateId().toString()).toList(),
                content.motions().stream().map(m -> m.motionId().toString()).toList(),
                election.seats, marks, motions);
        if (!refusals.isEmpty()) {
            throw ProblemException.invalid(Text.of("vote.refused"),
                    refusals.stream().map(r -> Problem.FieldError.of(r.field(), r.message())).toList());
        }
        ballot.status = result.next().get();
        OnlineVote vote = new OnlineVote();
        vote.ballotId = ballot.id;
        vote.electionId = ballot.electionId;
        vote.serial = ballot.serial;
        vote.marks = EventCodec.write(new TreeMap<>(marks));
        vote.motions = EventCodec.write(new TreeMap<>(motions));
        vote.castAt = now;
        vote.persist();
        ledger.appendStep(ballot, BallotStep.castOnline(now), now, actor, null);
        em.flush();
        return ballot;
    }
}
