package org.ownersvote.ballot.service;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.ownersvote.ballot.ElectorateVersion;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.election.ElectorateChunk;
import org.ownersvote.events.election.ElectorateDigest;
import org.ownersvote.events.election.ElectoratePublished;
import org.ownersvote.platform.audit.AuditLog;

/**
 * Keeps each election's electorate as published, chunk by chunk, in whatever order the chunks arrive, and declares
 * a version complete only when all its chunks are here and their hash and figures equal the published ones.
 * Ballots are issued only from a complete version.
 */
@ApplicationScoped
public class ElectorateStore {

    private static final Logger LOG = Logger.getLogger(ElectorateStore.class);

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    BallotIssuance issuance;

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(EventEnvelope envelope, ElectoratePublished p) {
        if (ElectorateVersion.of(p.electionId(), p.version()).isEmpty()) {
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
        verify(p.electionId(), p.version());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void chunk(EventEnvelope envelope, ElectorateChunk chunk) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into electorate_unit (election_id, version, chunk_index, position, building, unit, kind,
                                                 area, counted, person_key)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                int position = 0;
                for (ElectorateChunk.Unit u : chunk.units()) {
                    insert.setObject(1, chunk.electionId());
                    insert.setInt(2, chunk.version());
                    insert.setInt(3, chunk.chunkIndex());
                    insert.setInt(4, position++);
                    insert.setString(5, u.building());
                    insert.setString(6, u.unit());
                    insert.setString(7, u.kind());
                    insert.setBigDecimal(8, u.area());
                    insert.setBoolean(9, u.counted());
                    insert.setString(10, u.personKey());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        verify(chunk.electionId(), chunk.version());
    }

    /** Marks the version complete once everything has arrived and matches; reports a mismatch loudly. */
    private void verify(UUID electionId, int version) {
        ElectorateVersion v = ElectorateVersion.of(electionId, version).orElse(null);
        if (v == null || v.complete) {
            return;
        }
        Number chunks = (Number) em.createNativeQuery("select count(distinct chunk_index) from electorate_unit "
                + "where election_id = ?1 and version = ?2").setParameter(1, electionId).setParameter(2, version)
                .getSingleResult();
        if (chunks.intValue() < v.chunkCount) {
            return;
        }
        List<ElectorateChunk.Unit> units = units(electionId, version);
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
        String hash = ElectorateDigest.units(units);
        boolean matches = hash.equals(v.unitsHash) && units.size() == v.units && counted == v.countedUnits
                && area.compareTo(v.totalArea) == 0 && persons.size() == v.headcount;
        if (!matches) {
            LOG.errorf("Electorate %s v%d does not match what was published (hash %s, expected %s); no ballots "
                    + "will be issued from it", electionId, version, hash, v.unitsHash);
            audit.record("system", "electorate.mismatch", "election", electionId, electionId, "version " + version);
            return;
        }
        v.complete = true;
        v.verifiedAt = OffsetDateTime.now();
        audit.record("system", "electorate.complete", "election", electionId, electionId, "version " + version
                + ": " + v.units + " units, " + v.headcount + " persons, " + v.totalArea + " m²");
        LOG.infof("Electorate of election %s v%d is complete: %d units, %d persons, %s m²", electionId, version,
                v.units, v.headcount, v.totalArea.toPlainString());
        em.flush();
        issuance.issueIfReady(electionId);
    }

    public List<ElectorateChunk.Unit> units(UUID electionId, int version) {
        List<ElectorateChunk.Unit> units = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select building, unit, kind, area, counted, person_key from electorate_unit
                    where election_id = ? and version = ? order by chunk_index, position""")) {
                query.setObject(1, electionId);
                query.setInt(2, version);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        units.add(new ElectorateChunk.Unit(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getBigDecimal(4), rs.getBoolean(5), rs.getString(6)));
                    }
                }
            }
        });
        return units;
    }
}
