package org.ownersvote.election.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.ownersvote.election.Community;

/** A community; {@code shortCode} makes its public page's address, /c/&lt;shortCode&gt;. */
public record CommunityView(UUID id, String name, String district, String street, String shortCode,
        OffsetDateTime createdAt) {

    public static CommunityView of(Community c) {
        return new CommunityView(c.id, c.name, c.district, c.street, c.shortCode, c.createdAt);
    }
}
