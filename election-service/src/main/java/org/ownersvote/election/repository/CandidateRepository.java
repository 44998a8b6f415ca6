package org.ownersvote.election.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ownersvote.election.Candidate;
import org.ownersvote.election.Objection;

/** An election's candidates, the units that nominated them, and the objections lodged during publicity. */
@ApplicationScoped
public class CandidateRepository {

    @Inject
    EntityManager em;

    public List<Candidate> ofElection(UUID electionId) {
        return Candidate.list("electionId", electionId);
    }

    public long approved(UUID electionId) {
        return Candidate.count("electionId = ?1 and status = ?2", electionId, Candidate.Status.APPROVED);
    }

    /** Records a nominating unit of the candidate, once: a unit nominating again changes nothing. */
    public void addNominator(UUID candidateId, String building, String unit, OffsetDateTime at, String actor) {
        em.createNativeQuery("""
                insert into nomination (candidate_id, building, unit, recorded_at, recorded_by)
                values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, candidateId).setParameter(2, building)
                .setParameter(3, unit).setParameter(4, at).setParameter(5, actor)
                .executeUpdate();
    }

    /** How many units nominated each candidate of the election. */
    public Map<UUID, Integer> nominatorCounts(UUID electionId) {
        List<?> rows = em.createNativeQuery("""
                select n.candidate_id, count(*) from nomination n join candidate c on c.id = n.candidate_id
                where c.election_id = ?1 group by n.candidate_id""").setParameter(1, electionId).getResultList();
        return rows.stream().map(r -> (Object[]) r).collect(Collectors.toMap(r -> (UUID) r[0],
                r -> ((Number) r[1]).intValue()));
    }

    /** The objections lodged in the election, oldest first. */
    public List<Objection> objections(UUID electionId) {
        return Objection.list("electionId = ?1 order by lodgedAt", electionId);
    }

    public long unansweredObjections(UUID electionId) {
        return Objection.count("electionId = ?1 and answer is null", electionId);
    }
}
