package org.ownersvote.ballot.repository;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    /** How many of the election's ballots stand in each state of counting, in one read (a state none is in is absent). */
    public Map<BallotCount.State, Long> countsByState(UUID electionId) {
        Map<BallotCount.State, Long> counts = new EnumMap<>(BallotCount.State.class);
        em.createQuery("select c.state, count(c) from BallotCount c where c.electionId = ?1 group by c.state",
                Object[].class).setParameter(1, electionId).getResultList()
                .forEach(row -> counts.put((BallotCount.State) row[0], (Long) row[1]));
        return counts;
    }
}
