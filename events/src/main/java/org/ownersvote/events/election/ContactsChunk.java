package org.ownersvote.events.election;

import java.util.List;
import java.util.UUID;

import org.ownersvote.events.Validated;

/** {@code election.contacts-chunk.v1}: whom notification-service may message about an election; no areas. */
public record ContactsChunk(UUID electionId, UUID communityId, int version, int chunkIndex, List<Contact> contacts)
        implements
            Validated {

    /** @param phone the mobile number that receives notices, or null when the roster has none */
    public record Contact(String building, String unit, List<String> owners, String phone) {
    }

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(contacts, "contacts");
    }
}
