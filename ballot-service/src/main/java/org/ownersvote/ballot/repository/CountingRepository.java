package org.ownersvote.ballot.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ownersvote.ballot.counting.BallotCount;
import org.ownersvote.ballot.counting.CountingEntry;

/** The counters' entries of returned paper ballots and where each ballot stands in counting. */
@ApplicationScoped
public class CountingRepository {

    @Inject
    EntityManager em;

    /** The ballot's entries, first entered first. */
    public List<CountingEntry> entries(UUID ballotId) {
        return CountingEntry.<CountingEntry>find("ballotId = ?1 order by id", ballotId).list();
    }

    /** Where the ballot stands in counting; null before its first entry. */
    public BallotCount count(UUID ballotId) {
        return em.find(BallotCount.class, ballotId);
    }

    /** The election's ballots whose entries disagree, by serial. */
    public List<BallotCount> conflicts(UUID electionId) {
        return BallotCount.<BallotCount>find("electionId = ?1 and state = ?2 order by serial", electionId,
                BallotCount.State.CONFLICT).list();
    }

    public long countIn(UUID electionId, BallotCount.State state) {
        return BallotCount.count("electionId = ?1 and state = ?2", electionId, state);
    }
}
