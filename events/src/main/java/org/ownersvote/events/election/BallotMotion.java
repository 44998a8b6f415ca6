package org.ownersvote.events.election;

import java.util.UUID;

/** A motion on the ballot; threshold MAJORITY or SPECIAL. */
public record BallotMotion(UUID motionId, int position, String title, String threshold) {
}
