package org.ownersvote.ballot.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.ownersvote.ballot.ElectorateVersion;
import org.ownersvote.events.election.ElectorateChunk;

/** An election's electorate as published: its versions ({@code electorate_version}) and units by chunk. */
@ApplicationScoped
public class ElectorateRepository {

    @Inject
    EntityManager em;

    /** The highest complete version; ballots are issued from the version voting-opened names (see BallotIssuance). */
    public Optional<ElectorateVersion> current(UUID electionId) {
        return ElectorateVersion.<ElectorateVersion>find("electionId = ?1 and complete = true order by version desc",
                electionId).firstResultOptional();
    }

    public Optional<ElectorateVersion> of(UUID electionId, int version) {
        return ElectorateVersion.<ElectorateVersion>find("electionId = ?1 and version = ?2", electionId, version)
                .firstResultOptional();
    }

    /** Keeps a chunk's units in their order; a chunk delivered again changes nothing. */
    public void keepUnits(UUID electionId, int version, int chunkIndex, List<ElectorateChunk.Unit> units) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into electorate_unit (election_id, version, chunk_index, position, building, unit, kind,
                                                 area, counted, person_key)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                int position = 0;
                for (ElectorateChunk.Unit u : units) {
                    insert.setObject(1, electionId);
                    insert.setInt(2, version);
                    insert.setInt(3, chunkIndex);
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
    }

    public int chunksKept(UUID electionId, int version) {
        return ((Number) em.createNativeQuery("select count(distinct chunk_index) from electorate_unit "
                + "where election_id = ?1 and version = ?2").setParameter(1, electionId).setParameter(2, version)
                .getSingleResult()).intValue();
    }

    /** The version's units in the order they were published: by chunk, then by position in the chunk. */
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
