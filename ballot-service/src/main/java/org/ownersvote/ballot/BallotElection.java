package org.ownersvote.ballot;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.ownersvote.events.election.ElectionPhase;
import org.ownersvote.platform.election.ElectionCopy;

/**
 * ballot-service's copy of an election, as election-service announced it: what ballots are issued for. Its phase is
 * DRAFT from the start (election.created), never null.
 */
@Entity
@Table(name = "election")
public class BallotElection extends ElectionCopy {

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "voting_opened_at")
    public OffsetDateTime votingOpenedAt;

    /** The electorate version ballots are issued from, as voting-opened named it. */
    @Column(name = "electorate_version")
    public Integer electorateVersion;

    /** The ballot's candidates in printed order, as JSON from voting-opened. */
    @Column(name = "ballot_candidates")
    public String ballotCandidates;

    @Column(name = "ballot_motions")
    public String ballotMotions;

    /** When the ballots were issued; set once, so a redelivered or repeated event issues nothing new. */
    @Column(name = "ballots_issued_at")
    public OffsetDateTime ballotsIssuedAt;

    /**
     * The instant voting closed, set once under the election's lock when election-service closes voting (or, failing
     * that, from its phase-changed event); every vote, handout and return is measured against it.
     */
    @Column(name = "voting_closed_at")
    public OffsetDateTime votingClosedAt;

    /** Optimistic lock: a write from a stale read fails (and is retried) instead of undoing another's change. */
    @Version
    @Column(nullable = false)
    public long version;

    /** Handouts and returns are recorded while voting runs: phase VOTING, not closed, and the deadline not passed. */
    public boolean votingOpen(OffsetDateTime now) {
        return phase() == ElectionPhase.VOTING && votingClosedAt == null && votingDeadline != null
                && now.isBefore(votingDeadline);
    }

    /** When voting ended: the recorded close, or the deadline once it has passed; null while voting runs. */
    public OffsetDateTime votingEndedAt(OffsetDateTime now) {
        if (votingClosedAt != null) {
            return votingClosedAt;
        }
        return votingDeadline != null && !now.isBefore(votingDeadline) ? votingDeadline : null;
    }
}
