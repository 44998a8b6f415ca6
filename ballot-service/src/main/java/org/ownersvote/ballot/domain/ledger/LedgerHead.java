package org.ownersvote.ballot.domain.ledger;

/**
 * Where an election's ledger ends: the last record's position (positions run 1, 2, 3, … without gaps, so it is also
 * the ledger's length) and hash; position 0 and the genesis hash while nothing is counted. A tally is of the records
 * up to this position, so it always matches the hash shown and attested beside it even while counters go on
 * appending.
 */
public record LedgerHead(int position, String hash) {
}
