package org.ownersvote.election;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A yes/no matter (议题) on the ballot, e.g. adopting the 议事规则. */
@Entity
@Table(name = "motion")
public class Motion extends PanacheEntityBase {

    /**
     * MAJORITY: more than half of participating heads and area (民法典 §278 ordinary matters); SPECIAL: at least three
     * quarters of both (§278 items 6–8: repair fund, rebuilding, change of use).
     */
    public enum Threshold {
        MAJORITY, SPECIAL
    }

    @Id
    public UUID id;

    @Column(name = "election_id", nullable = false)
    public UUID electionId;

    /** Order on the ballot, from 1. */
    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Threshold threshold;
}
