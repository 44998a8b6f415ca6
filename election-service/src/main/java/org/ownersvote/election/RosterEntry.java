package org.ownersvote.election;

import java.math.BigDecimal;
import java.util.Arrays;
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
}
