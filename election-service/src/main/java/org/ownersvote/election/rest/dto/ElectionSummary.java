package org.ownersvote.election.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.ownersvote.election.Community;
import org.ownersvote.election.Election;
import org.ownersvote.election.domain.Phase;

/** One line of a street office's overview: where each election stands and its key dates. */
public record ElectionSummary(UUID id, UUID communityId, String communityName, String communityShortCode, String title,
        Phase phase, boolean drill,
        OffsetDateTime createdAt, OffsetDateTime nominationOpenedAt, OffsetDateTime publicityStartedAt,
        OffsetDateTime votingOpenedAt, OffsetDateTime votingDeadline, OffsetDateTime votingClosedAt) {

    public static ElectionSummary of(Election e, Community c) {
        return new ElectionSummary(e.id, c.id, c.name, c.shortCode, e.title, e.phase, e.drill, e.createdAt, e.frozenAt,
                e.publicityStartedAt, e.votingOpenedAt, e.votingDeadline, e.votingClosedAt);
    }
}
