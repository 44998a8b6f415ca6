package org.ownersvote.events.election;

import java.math.BigDecimal;
import java.util.UUID;

import org.ownersvote.events.Validated;

/**
 * {@code election.electorate-published.v1}: the electorate of an election as frozen (or amended) with its roster,
 * carried in {@link ElectorateChunk}s and {@link ContactsChunk}s of the same version. A consumer holds the whole
 * electorate only when it has every chunk and the hash over them matches ({@link ElectorateDigest}).
 *
 * @param version rises with every amendment of a frozen roster; the highest complete version is the electorate
 */
public record ElectoratePublished(
        UUID electionId,
        UUID communityId,
        int version,
        String rulePack,
        int units,
        int countedUnits,
        BigDecimal totalArea,
        int headcount,
        int chunkCount,
        String unitsHash,
        int contactCount,
        int contactChunkCount,
        String contactsHash) implements Validated {

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(unitsHash, "unitsHash");
        Validated.require(contactsHash, "contactsHash");
        Validated.require(totalArea, "totalArea");
    }
}
