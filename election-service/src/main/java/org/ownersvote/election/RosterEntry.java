package org.ownersvote.election;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.ownersvote.election.domain.RosterUnit;
import org.ownersvote.election.domain.UnitKind;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;

/** One unit of a community's roster as stored. */
@Entity
@Table(name = "roster_unit")
public class RosterEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(nullable = false)
    public String building;

    @Column(nullable = false)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitKind kind;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal area;

    /** Owner names, ';' between co-owners. */
    @Column(nullable = false)
    public String owners;

    @Column(name = "owner_ref", nullable = false)
    public String ownerRef;

    public String phone;

    @Column(name = "developer_held", nullable = false)
    public boolean developerHeld;

    public RosterUnit toDomain() {
        return new RosterUnit(0, building, unit, kind, area, Arrays.asList(owners.split(";")), ownerRef, phone,
                developerHeld);
    }

    /**
     * A page of the roster in natural order (platform NaturalOrder, as SQL: natural_key): 1号楼 before 10号楼; only one
     * building's units when {@code building} is given, only units whose number or owners contain {@code search} when
     * that is given (so that a working group nominating picks the unit, then its owner, instead of typing a name).
     */
    public static List<RosterEntry> page(UUID communityId, String building, String search, int page, int size) {
        String order = " order by function('natural_key', building), function('natural_key', unit)";
        return find(where(building, search) + order, parameters(communityId, building, search))
                .page(Page.of(page, size)).list();
    }

    public static long countIn(UUID communityId, String building, String search) {
        return count(where(building, search), parameters(communityId, building, search));
    }

    private static String where(String building, String search) {
        return "communityId = :community" + (building == null ? "" : " and building = :building")
                + (search == null ? "" : " and (lower(unit) like :search or lower(owners) like :search)");
    }

    private static io.quarkus.panache.common.Parameters parameters(UUID communityId, String building, String search) {
        io.quarkus.panache.common.Parameters p = io.quarkus.panache.common.Parameters.with("community", communityId);
        if (building != null) {
            p = p.and("building", building);
        }
        if (search != null) {
            p = p.and("search", "%" + search.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return p;
    }

    /** Each building of the roster with its number of units, in natural order. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> buildings(UUID communityId) {
        return getEntityManager().createNativeQuery("select building, count(*) from roster_unit"
                + " where community_id = ?1 group by building order by natural_key(building)")
                .setParameter(1, communityId).getResultList();
    }

    public static java.util.Optional<RosterEntry> find(UUID communityId, String building, String unit) {
        return find("communityId = ?1 and building = ?2 and unit = ?3", communityId, building, unit)
                .firstResultOptional();
    }
}
