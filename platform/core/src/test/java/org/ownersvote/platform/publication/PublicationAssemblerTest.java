package org.ownersvote.platform.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.publication.PublicationAssembler.Announced;
import org.ownersvote.platform.publication.PublicationAssembler.Outcome;

/**
 * The receiving side of a chunked publication, over a store in memory that keeps what the services' tables keep
 * (the first copy of a chunk; items by chunk index and position).
 */
class PublicationAssemblerTest {

    static final UUID ELECTION = UUID.fromString("11111111-2222-3333-4444-555555555555");

    /** The digest of the test: the items joined in the order given, so that any reordering changes it. */
    static String digest(List<String> items) {
        return String.join("|", items);
    }

    final Memory store = new Memory();
    final PublicationAssembler<String> assembler = new PublicationAssembler<>(store, PublicationAssemblerTest::digest);

    @Test
    void chunksInAnyOrderCompleteTheVersionOnceInChunkOrder() {
        store.announce(1, 3, "a|b|c|d|e");
        assertEquals(Outcome.WAITING, assembler.chunk(ELECTION, 1, 2, List.of("e")));
        assertEquals(Outcome.WAITING, assembler.chunk(ELECTION, 1, 0, List.of("a", "b")));
        assertEquals(Outcome.COMPLETE, assembler.chunk(ELECTION, 1, 1, List.of("c", "d")));
        assertEquals(List.of("a", "b", "c", "d", "e"), assembler.items(ELECTION, 1));
        assertEquals(1, store.completions);
        // delivered again after completion: nothing happens a second time
        assertEquals(Outcome.ALREADY_COMPLETE, assembler.chunk(ELECTION, 1, 1, List.of("c", "d")));
        assertEquals(Outcome.ALREADY_COMPLETE, assembler.check(ELECTION, 1));
        assertEquals(1, store.completions);
    }

    @Test
    void chunksBeforeTheAnnouncementWaitForIt() {
        assertEquals(Outcome.WAITING, assembler.chunk(ELECTION, 1, 0, List.of("a")));
        assertEquals(Outcome.WAITING, assembler.chunk(ELECTION, 1, 1, List.of("b")));
        store.announce(1, 2, "a|b");
        assertEquals(Outcome.COMPLETE, assembler.check(ELECTION, 1));
    }

    @Test
    void itemsThatDoNotHashToTheAnnouncedHashAreNeverComplete() {
        store.announce(1, 2, "a|b|c");
        assembler.chunk(ELECTION, 1, 0, List.of("a", "b"));
        assertEquals(Outcome.MISMATCH, assembler.chunk(ELECTION, 1, 1, List.of("x")));
        assertEquals(Outcome.MISMATCH, assembler.check(ELECTION, 1));
        assertEquals(0, store.completions);
    }

    @Test
    void aRepeatedChunkCountsOnceAndItsFirstCopyStays() {
        store.announce(1, 2, "a|b|c");
        assertEquals(Outcome.WAITING, assembler.chunk(ELECTION, 1, 0, List.of("a", "b")));
        assertEquals(Outcome.WAITING, assembler.chunk(ELECTION, 1, 0, List.of("a", "b")),
                "the same chunk twice is not two chunks");
        assertEquals(Outcome.WAITING, assembler.chunk(ELECTION, 1, 0, List.of("z")));
        assertEquals(Outcome.COMPLETE, assembler.chunk(ELECTION, 1, 1, List.of("c")));
        assertEquals(List.of("a", "b", "c"), assembler.items(ELECTION, 1));
    }

    @Test
    void aSecondPublicationIsAssembledOnItsOwn() {
        store.announce(1, 1, "a|b");
        assertEquals(Outcome.COMPLETE, assembler.chunk(ELECTION, 1, 0, List.of("a", "b")));
        store.announce(2, 2, "a|b|c");
        assertEquals(Outcome.WAITING, assembler.chunk(ELECTION, 2, 1, List.of("c")));
        assertEquals(Outcome.COMPLETE, assembler.chunk(ELECTION, 2, 0, List.of("a", "b")));
        assertEquals(List.of("a", "b"), assembler.items(ELECTION, 1));
        assertEquals(List.of("a", "b", "c"), assembler.items(ELECTION, 2));
        assertEquals(2, store.completions);
    }

    @Test
    void figuresThatDoNotMatchTheServicesRecordAreAMismatchToo() {
        PublicationAssembler<String> counting = new PublicationAssembler<>(store, PublicationAssemblerTest::digest,
                (electionId, version, items) -> items.size() == 3);
        store.announce(1, 1, "a|b");
        assertEquals(Outcome.MISMATCH, counting.chunk(ELECTION, 1, 0, List.of("a", "b")));
        assertEquals(0, store.completions);
    }

    /** Versions and chunks as the services' tables keep them, in memory, for one election. */
    static final class Memory implements PublicationAssembler.Store<String> {

        final Map<Integer, Announced> versions = new HashMap<>();
        final Map<Integer, TreeMap<Integer, List<String>>> chunks = new HashMap<>();
        int completions;

        void announce(int version, int chunkCount, String hash) {
            versions.putIfAbsent(version, new Announced(chunkCount, hash, false));
        }

        @Override
        public Optional<Announced> announced(UUID electionId, int version) {
            return Optional.ofNullable(versions.get(version));
        }

        @Override
        public void keep(UUID electionId, int version, int chunkIndex, List<String> items) {
            chunks.computeIfAbsent(version, v -> new TreeMap<>()).putIfAbsent(chunkIndex, List.copyOf(items));
        }

        @Override
        public int chunksKept(UUID electionId, int version) {
            return chunks.getOrDefault(version, new TreeMap<>()).size();
        }

        @Override
        public List<String> items(UUID electionId, int version) {
            List<String> items = new ArrayList<>();
            chunks.getOrDefault(version, new TreeMap<>()).values().forEach(items::addAll);
            return items;
        }

        @Override
        public void markComplete(UUID electionId, int version) {
            Announced a = versions.get(version);
            versions.put(version, new Announced(a.chunkCount(), a.hash(), true));
            completions++;
        }
    }
}
