package org.ownersvote.ballot.repository;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.Session;
import org.ownersvote.ballot.Ballot;
import org.ownersvote.ballot.OnlineVote;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.BallotStep;
import org.ownersvote.ballot.domain.SerialNumbers;
import org.ownersvote.events.election.ElectorateChunk;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.text.NaturalOrder;

import io.quarkus.panache.common.Page;

/** Ballots, their trail of steps ({@code ballot_step}) and their online votes. */
@ApplicationScoped
public class BallotRepository {

    @Inject
    EntityManager em;

    /** Where a ballot belongs: what a caller's scope is checked against. */
    public record Place(String serial, UUID electionId, UUID communityId, String building) {
    }

    /** One step of a ballot's trail as recorded. */
    public record RecordedStep(String action, OffsetDateTime at, String recipientName, String relation, String method,
            String channel, String reason) {
    }

    /**
     * The ballot with this serial, read with the given lock: a serial whose check digit is wrong is a 422 problem,
     * an unknown one a 404, before anything else is looked at.
     */
    public Ballot bySerial(String typed, LockModeType lock) {
        String serial = wellFormed(typed);
        return Ballot.<Ballot>find("serial", serial).withLock(lock).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound(Text.of("thing.ballot"), serial));
    }

    /**
     * The place of the ballot with this serial (422 and 404 as {@link #bySerial}), read as plain values: neither the
     * ballot nor its election enters the persistence context, so a step that locks them afterwards reads them fresh.
     */
    public Place place(String typed) {
        String serial = wellFormed(typed);
        List<?> rows = em.createNativeQuery("""
                select b.election_id, e.community_id, b.building
                from ballot b join election e on e.id = b.election_id where b.serial = ?1""")
                .setParameter(1, serial).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound(Text.of("thing.ballot"), serial);
        }
        Object[] row = (Object[]) rows.get(0);
        return new Place(serial, uuid(row[0]), uuid(row[1]), (String) row[2]);
    }

    /** Serials are printed in capitals; a serial typed in lower case is the same serial. */
    private static String wellFormed(String typed) {
        String serial = typed == null ? null : typed.strip().toUpperCase(Locale.ROOT);
        if (!SerialNumbers.wellFormed(serial)) {
            throw ProblemException.invalid("serial", Text.of("serial.malformed", typed));
        }
        return serial;
    }

    /** A page of an election's ballots, optionally of one building and one status, in natural order. */
    public List<Ballot> page(UUID electionId, String building, BallotStatus status, int page, int size) {
        StringBuilder query = new StringBuilder("electionId = :election");
        Map<String, Object> params = new HashMap<>();
        params.put("election", electionId);
        if (building != null) {
            query.append(" and building = :building");
            params.put("building", building);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        // natural order (platform NaturalOrder, as SQL: natural_key): 1号楼 before 10号楼, unit 101 before 1001
        return Ballot.<Ballot>find(query + " order by function('natural_key', building), function('natural_key', unit),"
                + " sequence", params)
                .page(Page.of(page, size)).list();
    }

    /** How many ballots of each status every building has, buildings in natural order. */
    public Map<String, Map<BallotStatus, Long>> countsByBuilding(UUID electionId) {
        List<?> rows = em.createNativeQuery(
                "select building, status, count(*) from ballot where election_id = ?1 group by building, status")
                .setParameter(1, electionId).getResultList();
        Map<String, Map<BallotStatus, Long>> byBuilding = new TreeMap<>(NaturalOrder.INSTANCE);
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            byBuilding.computeIfAbsent((String) r[0], b -> new EnumMap<>(BallotStatus.class))
                    .put(BallotStatus.valueOf((String) r[1]), ((Number) r[2]).longValue());
        }
        return byBuilding;
    }

    /** How many of the election's ballots have each status, in one read (a status no ballot has is absent). */
    public Map<BallotStatus, Long> countsByStatus(UUID electionId) {
        Map<BallotStatus, Long> counts = new EnumMap<>(BallotStatus.class);
        em.createQuery("select b.status, count(b) from Ballot b where b.electionId = ?1 group by b.status",
                Object[].class).setParameter(1, electionId).getResultList()
                .forEach(row -> counts.put((BallotStatus) row[0], (Long) row[1]));
        return counts;
    }

    /** The election's ballots that are not voided. */
    public long live(UUID electionId) {
        return Ballot.count("electionId = ?1 and status <> ?2", electionId, BallotStatus.VOIDED);
    }

    /**
     * Issues one ballot per unit, numbered from 1 in the units' order, in batches of a thousand; written past the
     * persistence context, so no ballot entity is held for them.
     */
    public void issue(UUID electionId, List<ElectorateChunk.Unit> units, OffsetDateTime now) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into ballot (id, election_id, serial, sequence, building, unit, kind, area, person_key,
                                        status, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int sequence = 0;
                for (ElectorateChunk.Unit u : units) {
                    sequence++;
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, electionId);
                    insert.setString(3, SerialNumbers.serial(electionId, sequence));
                    insert.setInt(4, sequence);
                    insert.setString(5, u.building());
                    insert.setString(6, u.unit());
                    insert.setString(7, u.kind());
                    insert.setBigDecimal(8, u.area());
                    insert.setString(9, u.personKey());
                    insert.setString(10, BallotStatus.ISSUED.name());
                    insert.setObject(11, now);
                    insert.addBatch();
                    if (sequence % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * The ballots of one building in one of {@code statuses}, by unit in natural order; or only its one ballot with
     * {@code serial} (null: all of them).
     */
    public List<Ballot> ofBuilding(UUID electionId, String building, String serial, List<BallotStatus> statuses) {
        return serial != null
                ? Ballot.<Ballot>find("electionId = ?1 and serial = ?2 and building = ?3 and status in ?4", electionId,
                        serial, building, statuses).list()
                : Ballot.<Ballot>find("electionId = ?1 and building = ?2 and status in ?3"
                        + " order by function('natural_key', unit), sequence", electionId, building, statuses).list();
    }

    /** The highest sequence number issued in the election so far. */
    public int lastSequence(UUID electionId) {
        Number last = (Number) em.createNativeQuery("select max(sequence) from ballot where election_id = ?1")
                .setParameter(1, electionId).getSingleResult();
        return last.intValue();
    }

    /** Appends a step to the ballot's trail. */
    public void appendStep(Ballot ballot, BallotStep step, OffsetDateTime at, String actor) {
        em.createNativeQuery("""
                insert into ballot_step (ballot_id, election_id, serial, action, recipient_name, relation, method,
                                         channel, reason, at, actor, recorded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""")
                .setParameter(1, ballot.id).setParameter(2, ballot.electionId).setParameter(3, ballot.serial)
                .setParameter(4, step.action().name()).setParameter(5, step.recipientName())
                .setParameter(6, step.relation()).setParameter(7, step.method()).setParameter(8, step.channel())
                .setParameter(9, step.reason()).setParameter(10, at).setParameter(11, actor)
                .setParameter(12, OffsetDateTime.now())
                .executeUpdate();
    }

    /** The ballot's trail, oldest step first. */
    public List<RecordedStep> trail(UUID ballotId) {
        List<?> rows = em.createNativeQuery("""
                select action, at, recipient_name, relation, method, channel, reason
                from ballot_step where ballot_id = ?1 order by id""").setParameter(1, ballotId).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new RecordedStep((String) r[0], time(r[1]), (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], (String) r[6]))
                .toList();
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    /** The election's online votes in serial order. */
    public List<OnlineVote> onlineVotes(UUID electionId) {
        return OnlineVote.<OnlineVote>find("electionId = ?1 order by serial", electionId).list();
    }
}
