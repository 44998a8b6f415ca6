package org.ownersvote.ballot.domain.tally;

/**
 * Where counting stands: returned paper ballots, how many are counted, waiting for their second entry or in conflict,
 * the online votes, and the ledger's length.
 */
public record CountingProgress(long returnedPaper, long countedPaper, long awaitingSecondEntry, long conflicts,
        long notYetEntered, long online, long ledgerLength) {
}
