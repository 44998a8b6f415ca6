package org.ownersvote.events.election;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.ownersvote.events.Validated;

/**
 * {@code election.result-certified.v1}: the result of a real election is published as valid. Never sent for a drill
 * (演练): a drill's result can never be certified as real.
 */
public record ResultCertified(UUID electionId, UUID communityId, String ledgerHash, OffsetDateTime certifiedAt)
        implements
            Validated {

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(ledgerHash, "ledgerHash");
    }
}
