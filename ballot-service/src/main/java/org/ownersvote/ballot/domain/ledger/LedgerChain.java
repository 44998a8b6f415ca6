package org.ownersvote.ballot.domain.ledger;

import java.util.Map;
import java.util.UUID;

import org.ownersvote.platform.text.Digests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The hash chain of the ballot ledger, in the form an independent verifier can recompute:
 * <ul>
 * <li>genesis = SHA-256 of {@code ownersvote-ledger-v1|<election id>|<rule pack>} (hex);</li>
 * <li>each record is a JSON object whose {@code previousHash} is the hash of the record before it (the genesis for
 * the first); its canonical text has the keys of every object sorted, no whitespace, strings in UTF-8 with JSON's
 * escapes, integers only (areas are strings like "100.00");</li>
 * <li>its hash = SHA-256 of that canonical text (hex); the ledger line is the record with {@code hash} added.</li>
 * </ul>
 */
public final class LedgerChain {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private LedgerChain() {
    }

    public static String genesis(UUID electionId, String rulePack) {
        return sha256("ownersvote-ledger-v1|" + electionId + "|" + rulePack);
    }

    /** The canonical text of a record (maps and lists of strings, integers and nested maps only). */
    public static String canonical(Map<String, ?> record) {
        try {
            return CANONICAL.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a ledger record must be plain JSON data", e);
        }
    }

    /** SHA-256 of a text's UTF-8 bytes, in hex: a record's hash is this of its canonical text. */
    public static String sha256(String text) {
        return Digests.sha256Hex(text);
    }
}
