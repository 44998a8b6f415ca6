package org.ownersvote.platform.publication;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The receiving side of a chunked, hash-verified publication: election-service publishes a version of an election's
 * electorate (or contact list) as one announcement, with the number of chunks and the hash of their items, and the
 * chunks themselves, which may arrive in any order and more than once. A version is complete once every chunk is here
 * and the items, in chunk order, hash to the announced hash (and match whatever else was announced); it is declared
 * complete once, so what follows completeness happens once. Each service keeps the versions and items in its own
 * tables ({@link Store}).
 *
 * @param <T> one item of a chunk (a unit, a contact)
 */
public final class PublicationAssembler<T> {

    /** What a version's announcement said: how many chunks, their items' hash, and whether it was found complete. */
    public record Announced(int chunkCount, String hash, boolean complete) {
    }

    /** Where a service keeps the versions it was announced and the chunks it received. */
    public interface Store<T> {

        /** The version's announcement; empty while it has not arrived. */
        Optional<Announced> announced(UUID electionId, int version);

        /** Keeps a chunk's items in their order; a chunk kept already stays as it was (the first copy counts). */
        void keep(UUID electionId, int version, int chunkIndex, List<T> items);

        /** How many different chunks of the version are kept. */
        int chunksKept(UUID electionId, int version);

        /** The version's items, by chunk index and then by position in the chunk. */
        List<T> items(UUID electionId, int version);

        void markComplete(UUID electionId, int version);
    }

    /** What receiving an announcement or a chunk came to. */
    public enum Outcome {
        /** Not announced yet, or chunks still missing. */
        WAITING,
        /** Complete now, by this announcement or chunk: what follows completeness is to happen now. */
        COMPLETE,
        /** Everything is here but does not match the announcement: nothing may be taken from it. */
        MISMATCH,
        /** Completed before: nothing new. */
        ALREADY_COMPLETE
    }

    /** A further check of a complete version's items against the service's own record of the announcement. */
    @FunctionalInterface
    public interface Figures<T> {
        boolean match(UUID electionId, int version, List<T> items);
    }

    private final Store<T> store;
    private final Function<List<T>, String> digest;
    private final Figures<T> figures;

    /** @param digest the publication's hash over its items in chunk order (events' ElectorateDigest) */
    public PublicationAssembler(Store<T> store, Function<List<T>, String> digest) {
        this(store, digest, (electionId, version, items) -> true);
    }

    public PublicationAssembler(Store<T> store, Function<List<T>, String> digest, Figures<T> figures) {
        this.store = store;
        this.digest = digest;
        this.figures = figures;
    }

    /** A chunk arrived: kept (unless a copy is kept already), then the version is checked. */
    public Outcome chunk(UUID electionId, int version, int chunkIndex, List<T> items) {
        store.keep(electionId, version, chunkIndex, items);
        return check(electionId, version);
    }

    /** Whether the version is complete now; call it after keeping the version's announcement. */
    public Outcome check(UUID electionId, int version) {
        Optional<Announced> announced = store.announced(electionId, version);
        if (announced.isEmpty()) {
            return Outcome.WAITING;
        }
        if (announced.get().complete()) {
            return Outcome.ALREADY_COMPLETE;
        }
        if (store.chunksKept(electionId, version) < announced.get().chunkCount()) {
            return Outcome.WAITING;
        }
        List<T> items = store.items(electionId, version);
        if (!digest.apply(items).equals(announced.get().hash()) || !figures.match(electionId, version, items)) {
            return Outcome.MISMATCH;
        }
        store.markComplete(electionId, version);
        return Outcome.COMPLETE;
    }

    /** The version's items, in chunk order. */
    public List<T> items(UUID electionId, int version) {
        return store.items(electionId, version);
    }
}
