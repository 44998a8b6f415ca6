package org.ownersvote.election.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.ownersvote.election.Election;
import org.ownersvote.election.domain.Phase;

public record ElectionView(
        UUID id,
        UUID communityId,
        String title,
        String rulePack,
        int seats,
        int alternates,
        int votingDays,
        boolean drill,
        Phase phase,
        OffsetDateTime createdAt) {

    public static ElectionView of(Election e) {
        return new ElectionView(e.id, e.communityId, e.title, e.rulePack, e.seats, e.alternates, e.votingDays,
                e.drill, e.phase, e.createdAt);
    }
}
