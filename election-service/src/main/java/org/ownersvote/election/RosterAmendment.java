package org.ownersvote.election;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An explicit change of a frozen roster, with its reason; never edited or deleted. */
@Entity
@Table(name = "roster_amendment")
public class RosterAmendment extends PanacheEntityBase {

    public enum Change {
        ADD, UPDATE, REMOVE
    }

    @Id
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "election_id", nullable = false)
    public UUID electionId;

    @Column(nullable = false)
    public String building;

    @Column(nullable = false)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Change change;

    @Column(name = "before_value")
    public String beforeValue;

    @Column(name = "after_value")
    public String afterValue;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;
}
