package org.ownersvote.events.election;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical hashes of a published electorate: SHA-256 over one line per unit (or contact), in chunk order,
 * fields separated by a tab. Producer and consumers use this one definition, so a consumer can prove it holds
 * exactly what was published.
 */
public final class ElectorateDigest {

    /** Units per chunk: about 150 bytes each, far below Kafka's 1 MB default message limit. */
    public static final int CHUNK_SIZE = 1000;

    private ElectorateDigest() {
    }

    public static String units(List<ElectorateChunk.Unit> units) {
        MessageDigest sha = sha256();
        for (ElectorateChunk.Unit u : units) {
            line(sha, u.building(), u.unit(), u.kind(), u.area().setScale(2).toPlainString(),
                    String.valueOf(u.counted()), u.personKey());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    public static String contacts(List<ContactsChunk.Contact> contacts) {
        MessageDigest sha = sha256();
        for (ContactsChunk.Contact c : contacts) {
            line(sha, c.building(), c.unit(), String.join(";", c.owners()), c.phone() == null ? "" : c.phone());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    public static int chunkCount(int items) {
        return Math.max(1, (items + CHUNK_SIZE - 1) / CHUNK_SIZE);
    }

    private static void line(MessageDigest sha, String... fields) {
        sha.update(String.join("\t", fields).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
