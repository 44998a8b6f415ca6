package org.ownersvote.ballot.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.ownersvote.ballot.ElectorateVersion;
import org.ownersvote.ballot.repository.ElectorateRepository;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.election.ElectorateChunk;
import org.ownersvote.events.election.ElectorateDigest;
import org.ownersvote.events.election.ElectoratePublished;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.publication.PublicationAssembler;

/**
 * Keeps each election's electorate as published, chunk by chunk, in whatever order the chunks arrive, and declares
 * a version complete only when all its chunks are here and their hash and figures equal the published ones
 * ({@link PublicationAssembler}); then announces it ({@link ElectorateComplete}). Ballots are issued only from a
 * complete version.
 */
@ApplicationScoped
public class ElectorateStore {

    private static final Logger LOG = Logger.getLogger(ElectorateStore.class);

    /** A version of an election's electorate arrived complete and intact; observed in the same transaction. */
    public record ElectorateComplete(UUID electionId, int version) {
    }

    @Inject
    EntityManager em;

    @Inject
    ElectorateRepository electorate;

    @Inject
    AuditLog audit;

    @Inject
    Event<ElectorateComplete> completed;

    private PublicationAssembler<ElectorateChunk.Unit> assembler;

    @PostConstruct
    void assemble() {
        assembler = new PublicationAssembler<>(new Tables(), ElectorateDigest::units, this::figuresMatch);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(EventEnvelope envelope, ElectoratePublished p) {
        if (electorate.of(p.electionId(), p.version()).isEmpty()) {
            ElectorateVersion v = new ElectorateVersion();
            v.electionId = p.electionId();
            v.version = p.version();
            v.units = p.units();
            v.countedUnits = p.countedUnits();
            v.totalArea = p.totalArea();
            v.headcount = p.headcount();
            v.chunkCount = p.chunkCount();
            v.unitsHash = p.unitsHash();
            v.persist();
        }
        received(p.electionId(), p.version(), assembler.check(p.electionId(), p.version()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void chunk(EventEnvelope envelope, ElectorateChunk chunk) {
        received(chunk.electionId(), chunk.version(),
                assembler.chunk(chunk.electionId(), chunk.version(), chunk.chunkIndex(), chunk.units()));
    }

    /** Announces a version that is complete now; reports a mismatch loudly. */
    private void received(UUID electionId, int version, PublicationAssembler.Outcome outcome) {
        if (outcome == PublicationAssembler.Outcome.MISMATCH) {
            LOG.errorf("Electorate %s v%d does not match what was published (expected hash %s); no ballots will be "
                    + "issued from it", electionId, version,
                    electorate.of(electionId, version)
                            .map(v -> v.unitsHash).orElse(""));
            audit.record("system", "electorate.mismatch", "election", electionId, electionId, "version " + version);
        } else if (outcome == PublicationAssembler.Outcome.COMPLETE) {
            ElectorateVersion v = electorate.of(electionId, version).orElseThrow();
            audit.record("system", "electorate.complete", "election", electionId, electionId, "version " + version
                    + ": " + v.units + " units, " + v.headcount + " persons, " + v.totalArea + " m²");
            LOG.infof("Electorate of election %s v%d is complete: %d units, %d persons, %s m²", electionId, version,
                    v.units, v.headcount, v.totalArea.toPlainString());
            em.flush();
            completed.fire(new ElectorateComplete(electionId, version));
        }
    }

    /** The published figures: units, counted units, their area and the persons owning them. */
    private boolean figuresMatch(UUID electionId, int version, List<ElectorateChunk.Unit> units) {
        ElectorateVersion v = electorate.of(electionId, version).orElseThrow();
        BigDecimal area = BigDecimal.ZERO.setScale(2);
        int counted = 0;
        Set<String> persons = new HashSet<>();
        for (ElectorateChunk.Unit u : units) {
            if (u.counted()) {
                counted++;
                area = area.add(u.area());
                persons.add(u.personKey());
            }
        }
        return units.size() == v.units && counted == v.countedUnits && area.compareTo(v.totalArea) == 0
                && persons.size() == v.headcount;
    }

    public List<ElectorateChunk.Unit> units(UUID electionId, int version) {
        return assembler.items(electionId, version);
    }

    /** ballot-service's tables for the electorate: electorate_version and electorate_unit. */
    private final class Tables implements PublicationAssembler.Store<ElectorateChunk.Unit> {

        @Override
        public Optional<PublicationAssembler.Announced> announced(UUID electionId, int version) {
            return electorate.of(electionId, version)
                    .map(v -> new PublicationAssembler.Announced(v.chunkCount, v.unitsHash, v.complete));
        }

        @Override
        public void keep(UUID electionId, int version, int chunkIndex, List<ElectorateChunk.Unit> units) {
            electorate.keepUnits(electionId, version, chunkIndex, units);
        }

        @Override
        public int chunksKept(UUID electionId, int version) {
            return electorate.chunksKept(electionId, version);
        }

        @Override
        public List<ElectorateChunk.Unit> items(UUID electionId, int version) {
            return electorate.units(electionId, version);
        }

        @Override
        public void markComplete(UUID electionId, int version) {
            ElectorateVersion v = electorate.of(electionId, version).orElseThrow();
            v.complete = true;
            v.verifiedAt = OffsetDateTime.now();
        }
    }
}
