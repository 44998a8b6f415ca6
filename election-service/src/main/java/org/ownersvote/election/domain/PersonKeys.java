package org.ownersvote.election.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Pseudonymous person keys for ballot-service and the public ledger: the same person (a buyer of several units, or
 * the developer) gets the same key within one election, and keys of different elections cannot be linked, so the
 * registry number (owner_ref) never leaves election-service.
 */
public final class PersonKeys {

    private PersonKeys() {
    }

    public static String of(UUID electionId, String personRef) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((electionId + ":" + personRef).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
