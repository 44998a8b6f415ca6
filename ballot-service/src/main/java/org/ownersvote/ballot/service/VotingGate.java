package org.ownersvote.ballot.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.domain.Phases;
import org.ownersvote.ballot.repository.ElectionLocks;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.events.election.ElectionPhase;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

/**
 * Opening and closing voting as steps of election-service's phase change, so that the phase a person sees and the
 * phase ballot-service acts on never disagree (issue 16). election-service calls these before it commits the new
 * phase; if ballot-service cannot do its part, the phase does not change.
 * <ul>
 * <li>Open: the ballots are issued in the same call, so printing and handouts work the moment people see VOTING.
 * If the electorate has not fully arrived, voting does not open (503) rather than open without ballots.</li>
 * <li>Close: the election's row is locked exclusively ({@link ElectionLocks}), which waits for every vote, handout
 * and return in flight and makes every later one see the close: the instant recorded is the one all of them are
 * measured against. After a deadline that has passed, that instant is the deadline. Counting opens in the same
 * call (online votes go into the ledger), so a counter's first entry is accepted at once.</li>
 * </ul>
 * Both are idempotent: election-service may call again after a lost answer, and its events change nothing more.
 */
@ApplicationScoped
public class VotingGate {

    @Inject
    ElectionLocks locks;

    @Inject
    BallotIssuance issuance;

    @Inject
    CountedLedger ledger;

    @Inject
    AuditLog audit;

    @Inject
    ElectionRepository elections;

    @Transactional
    public BallotElection open(VotingOpened opened, OffsetDateTime at, String actor) {
        BallotElection election = recorded(locks.lockForChange(opened.electionId()), opened.electionId());
        boolean first = election.votingOpenedAt == null;
        issuance.open(election, opened, at);
        if (election.ballotsIssuedAt == null) {
            throw ProblemException.pending("electorate-incomplete", Text.of("voting.electorate-incomplete"),
                    Duration.ofSeconds(5));
        }
        if (first) {
            audit.record(actor, "voting.opened", "election", election.id, election.id,
                    "ballots issued; deadline " + election.votingDeadline);
        }
        return election;
    }

    /** Closes voting to {@code to} (COUNTING or FAILED) and returns the instant it closed. */
    @Transactional
    public OffsetDateTime close(UUID electionId, String to, String actor) {
        locks.lockForClose(electionId);
        BallotElection election = recorded(elections.find(electionId), electionId);
        if (election.votingClosedAt != null) {
            return election.votingClosedAt;
        }
        if (election.phase() != ElectionPhase.VOTING) {
            throw ProblemException.conflict("voting-not-open",
                    Text.of("voting.not-open", Phases.text(election.phase)));
        }
        // to the microsecond PostgreSQL keeps, so the instant answered is the instant stored
        return closeNow(election, ElectionPhase.of(to), actor, OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** The phase-changed event leaving VOTING: closes voting if the call did not (at the instant the event carries). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeFromEvent(PhaseChanged change) {
        locks.lockForClose(change.electionId());
        BallotElection election = ElectionRegistry.known(locks, change.electionId());
        if (election.votingClosedAt == null && election.phase() == ElectionPhase.VOTING) {
            closeNow(election, change.toPhase(), "event:phase-changed", change.at());
        } else {
            election.moveForwardTo(change.toPhase());
        }
    }

    private OffsetDateTime closeNow(BallotElection election, ElectionPhase to, String actor, OffsetDateTime now) {
        OffsetDateTime deadline = election.votingDeadline;
        election.votingClosedAt = deadline != null && deadline.isBefore(now) ? deadline : now;
        election.phase = to.name();
        int online = to == ElectionPhase.COUNTING ? ledger.appendOnlineVotes(election.id) : 0;
        audit.record(actor, "voting.closed", "election", election.id, election.id,
                "closed at " + election.votingClosedAt + " → " + to + (online > 0 ? ", " + online
                        + " online votes into the ledger" : ""));
        return election.votingClosedAt;
    }

    private static BallotElection recorded(Optional<BallotElection> found, UUID electionId) {
        return found.orElseThrow(() -> ProblemException.pending("election-not-recorded",
                Text.of("voting.election-not-recorded"), Duration.ofSeconds(2)));
    }
}
