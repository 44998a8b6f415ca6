package org.ownersvote.election.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.ownersvote.election.RosterEntry;
import org.ownersvote.election.domain.RosterUnit;
import org.ownersvote.election.domain.UnitKind;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

/**
 * A community's roster: its units as entities for pages and single changes, and as domain values read and written
 * with plain JDBC for whole rosters (loading or inserting 100,000 managed entities would take seconds to minutes).
 */
@ApplicationScoped
public class RosterRepository {

    @Inject
    EntityManager em;

    /** One building of the roster and how many units it has. */
    public record BuildingUnits(String building, int units) {
    }

    /**
     * A page of the roster in natural order (platform NaturalOrder, as SQL: natural_key): 1号楼 before 10号楼; only one
     * building's units when {@code building} is given, only units whose number or owners contain {@code search} when
     * that is given (so that a working group nominating picks the unit, then its owner, instead of typing a name).
     */
    public List<RosterEntry> page(UUID communityId, String building, String search, int page, int size) {
        String order = " order by function('natural_key', building), function('natural_key', unit)";
        return RosterEntry.<RosterEntry>find(where(building, search) + order, parameters(communityId, building, search))
                .page(Page.of(page, size)).list();
    }

    public long countIn(UUID communityId, String building, String search) {
        return RosterEntry.count(where(building, search), parameters(communityId, building, search));
    }

    private static String where(String building, String search) {
        return "communityId = :community" + (building == null ? "" : " and building = :building")
                + (search == null ? "" : " and (lower(unit) like :search or lower(owners) like :search)");
    }

    private static Parameters parameters(UUID communityId, String building, String search) {
        Parameters p = Parameters.with("community", communityId);
        if (building != null) {
            p = p.and("building", building);
        }
        if (search != null) {
            p = p.and("search", "%" + search.toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return p;
    }

    /** Each building of the roster with its number of units, in natural order. */
    public List<BuildingUnits> buildings(UUID communityId) {
        List<?> rows = em.createNativeQuery("select building, count(*) from roster_unit"
                + " where community_id = ?1 group by building order by natural_key(building)")
                .setParameter(1, communityId).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new BuildingUnits((String) row[0], ((Number) row[1]).intValue())).toList();
    }

    /** The unit stored with exactly this building and unit text. */
    public Optional<RosterEntry> find(UUID communityId, String building, String unit) {
        return RosterEntry.find("communityId = ?1 and building = ?2 and unit = ?3", communityId, building, unit)
                .firstResultOptional();
    }

    /** The roster as domain values, in natural order. */
    public List<RosterUnit> units(UUID communityId) {
        List<RosterUnit> units = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select building, unit, kind, area, owners, owner_ref, phone, developer_held from roster_unit
                    where community_id = ? order by natural_key(building), natural_key(unit)""")) {
                query.setObject(1, communityId);
                query.setFetchSize(5000);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        units.add(new RosterUnit(0, rs.getString(1), rs.getString(2), UnitKind.valueOf(rs.getString(3)),
                                rs.getBigDecimal(4), Arrays.asList(rs.getString(5).split(";")), rs.getString(6),
                                rs.getString(7), rs.getBoolean(8)));
                    }
                }
            }
        });
        return units;
    }

    /** The units whose building and unit text {@code match}, id → "building unit", in natural order. */
    public Map<UUID, String> unitsWhere(UUID communityId, BiPredicate<String, String> match) {
        Map<UUID, String> found = new LinkedHashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select id, building, unit from roster_unit where community_id = ? "
                            + "order by natural_key(building), natural_key(unit)")) {
                query.setObject(1, communityId);
                query.setFetchSize(5000);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        if (match.test(rs.getString(2), rs.getString(3))) {
                            found.put(rs.getObject(1, UUID.class), rs.getString(2) + " " + rs.getString(3));
                        }
                    }
                }
            }
        });
        return found;
    }

    /** The community's roster replaced by {@code units}, in JDBC batches. */
    public void replace(UUID communityId, List<RosterUnit> units) {
        em.createNativeQuery("delete from roster_unit where community_id = ?1").setParameter(1, communityId)
                .executeUpdate();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into roster_unit (id, community_id, building, unit, kind, area, owners, owner_ref, phone,
                                             developer_held) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int pending = 0;
                for (RosterUnit u : units) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, communityId);
                    insert.setString(3, u.building());
                    insert.setString(4, u.unit());
                    insert.setString(5, u.kind().name());
                    insert.setBigDecimal(6, u.area());
                    insert.setString(7, String.join(";", u.owners()));
                    insert.setString(8, u.ownerRef());
                    insert.setString(9, u.phone());
                    insert.setBoolean(10, u.developerHeld());
                    insert.addBatch();
                    if (++pending == 1000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }
}
