package org.ownersvote.election.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ownersvote.election.Election;
import org.ownersvote.election.Motion;
import org.ownersvote.election.domain.Phase;

/** Elections and the motions on their ballots. */
@ApplicationScoped
public class ElectionRepository {

    public Optional<Election> find(UUID electionId) {
        return Election.findByIdOptional(electionId);
    }

    /** The election whose phase freezes the community's roster: nomination opened and the election not ended. */
    public Optional<Election> freezingRoster(UUID communityId) {
        return Election.find("communityId = ?1 and phase in ?2", communityId, Phase.ROSTER_FROZEN)
                .firstResultOptional();
    }

    /** The elections of these communities, newest first. */
    public List<Election> ofCommunities(Collection<UUID> communityIds) {
        return Election.list("communityId in ?1 order by createdAt desc", communityIds);
    }

    /** The community's elections, newest first. */
    public List<Election> ofCommunity(UUID communityId) {
        return Election.list("communityId = ?1 order by createdAt desc", communityId);
    }

    /** The election's motions in ballot order. */
    public List<Motion> motions(UUID electionId) {
        return Motion.list("electionId = ?1 order by position", electionId);
    }
}
