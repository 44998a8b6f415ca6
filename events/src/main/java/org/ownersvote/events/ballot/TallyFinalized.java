package org.ownersvote.events.ballot;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.ownersvote.events.Validated;

/**
 * {@code ballot.tally-finalized.v1}: the chief scrutineer froze the tally. election-service moves the election to
 * RESULT_PUBLICITY (quorum met) or lets it fail (not met) on this.
 *
 * @param ledgerHash the final hash of the counted-ballot ledger, printed on the result notice
 * @param result     the figures the result notice prints (absent in events from before it was added)
 */
public record TallyFinalized(UUID electionId, boolean quorumMet, String ledgerHash, OffsetDateTime finalizedAt,
        TallyResult result) implements Validated {

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(ledgerHash, "ledgerHash");
        Validated.require(finalizedAt, "finalizedAt");
    }
}
