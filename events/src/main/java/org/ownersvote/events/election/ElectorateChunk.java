package org.ownersvote.events.election;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.ownersvote.events.Validated;

/**
 * {@code election.electorate-chunk.v1}: up to {@link ElectorateDigest#CHUNK_SIZE} units of an electorate, for
 * ballot-service: areas and pseudonymous person keys, no names or phone numbers.
 */
public record ElectorateChunk(UUID electionId, int version, int chunkIndex, List<Unit> units) implements Validated {

    /**
     * @param personKey pseudonymous key of the person the unit's vote counts for (the same for a buyer's several
     *                  units and for all developer-held units), unique to this election
     */
    public record Unit(String building, String unit, String kind, BigDecimal area, boolean counted, String personKey) {
    }

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(units, "units");
    }
}
