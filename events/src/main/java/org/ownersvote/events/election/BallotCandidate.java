package org.ownersvote.events.election;

import java.util.UUID;

/** A candidate as listed on the notice board and the ballot; {@code position} is the stroke order from 1. */
public record BallotCandidate(UUID candidateId, int position, String name, String building, String unit,
        String statement) {
}
