package org.ownersvote.election.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.ownersvote.election.Election;
import org.ownersvote.election.domain.Electorate;
import org.ownersvote.election.domain.Phase;

/** @param electorate as frozen when nomination opened (then {@code frozen} is true), or as the roster stands */
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
        OffsetDateTime createdAt,
        boolean frozen,
        ElectorateView electorate,
        OffsetDateTime publicityStartedAt,
        OffsetDateTime votingOpenedAt,
        OffsetDateTime votingDeadline,
        OffsetDateTime votingClosedAt,
        String closedEarlyReason) {

    public static ElectionView of(Election e, Electorate electorate) {
        return new ElectionView(e.id, e.communityId, e.title, e.rulePack, e.seats, e.alternates, e.votingDays,
                e.drill, e.phase, e.createdAt, e.frozenAt != null, ElectorateView.of(e.rulePack, electorate),
                e.publicityStartedAt, e.votingOpenedAt, e.votingDeadline, e.votingClosedAt, e.closedEarlyReason);
    }
}
