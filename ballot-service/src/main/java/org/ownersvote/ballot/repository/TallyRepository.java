package org.ownersvote.ballot.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ownersvote.ballot.counting.FinalTally;
import org.ownersvote.ballot.counting.LotsDraw;
import org.ownersvote.ballot.counting.TallySignoff;

/** What is recorded about an election's tally: lots drawn, scrutineers' sign-offs and the final tally. */
@ApplicationScoped
public class TallyRepository {

    @Inject
    EntityManager em;

    public Optional<FinalTally> finalTally(UUID electionId) {
        return Optional.ofNullable(em.find(FinalTally.class, electionId));
    }

    public boolean isFinal(UUID electionId) {
        return finalTally(electionId).isPresent();
    }

    /** Every sign-off, deliberate disagreements included, in the order given. */
    public List<TallySignoff> signoffs(UUID electionId) {
        return TallySignoff.<TallySignoff>find("electionId = ?1 order by id", electionId).list();
    }

    /** The sign-offs that agreed with this attestation code. */
    public List<TallySignoff> agreeing(UUID electionId, String attestation) {
        return TallySignoff.<TallySignoff>find("electionId = ?1 and attestation = ?2 and agrees = true", electionId,
                attestation).list();
    }

    public long lotsDrawn(UUID electionId) {
        return LotsDraw.count("electionId", electionId);
    }

    /** The drawings of lots in the order recorded. */
    public List<LotsDraw> draws(UUID electionId) {
        return LotsDraw.<LotsDraw>find("electionId = ?1 order by id", electionId).list();
    }
}
