package org.ownersvote.election.rest.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.ownersvote.election.Community;
import org.ownersvote.election.Election;
import org.ownersvote.election.domain.Phase;

/**
 * What anyone may see of a community on its public page (/c/&lt;shortCode&gt;): what the notice board posts anyway —
 * its name, and its elections with their phase and voting period. Nothing about owners.
 */
public record PublicCommunityView(UUID id, String name, String district, String street, String shortCode,
        List<PublicElection> elections) {

    public record PublicElection(UUID id, String title, Phase phase, boolean drill, OffsetDateTime votingOpenedAt,
            OffsetDateTime votingDeadline, OffsetDateTime votingClosedAt) {

        public static PublicElection of(Election e) {
            return new PublicElection(e.id, e.title, e.phase, e.drill, e.votingOpenedAt, e.votingDeadline,
                    e.votingClosedAt);
        }
    }

    public static PublicCommunityView of(Community c, List<Election> elections) {
        return new PublicCommunityView(c.id, c.name, c.district, c.street, c.shortCode,
                elections.stream().map(PublicElection::of).toList());
    }
}
