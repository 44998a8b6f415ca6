package org.ownersvote.events.ballot;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.ownersvote.events.Validated;

/**
 * {@code ballot.tally-finalized.v1}: the chief scrutineer froze the tally. election-service moves the election to
 * RESULT_PUBLICITY (quorum met) or lets it fail (not met) on this.
 *
 * @param ledgerHash the final hash of the counted-ballot ledger, printed on the result notice
 */
public record TallyFinalized(UUID electionId, boolean quorumMet, String ledgerHash, OffsetDateTime finalizedAt)
        implements Validated {

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(ledgerHash, "ledgerHash");
        Validated.require(finalizedAt, "finalizedAt");
    }
}
