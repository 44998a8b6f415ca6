package org.ownersvote.gateway.service;

import java.util.UUID;

/** The ballot a serial and code open, as ballot-service confirmed it: what an owner token is scoped to. */
public record BallotHolder(String ballotSerial, UUID electionId, UUID communityId, String building, String unit) {
}
