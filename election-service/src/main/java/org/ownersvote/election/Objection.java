package org.ownersvote.election;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An owner's objection to the published candidate list, and the working group's answer. */
@Entity
@Table(name = "objection")
public class Objection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "election_id", nullable = false)
    public UUID electionId;

    /** The candidate objected to, or null for an objection to the list as a whole. */
    @Column(name = "candidate_id")
    public UUID candidateId;

    /** The objecting unit. */
    @Column(nullable = false)
    public String building;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public String text;

    @Column(name = "lodged_at", nullable = false)
    public OffsetDateTime lodgedAt;

    @Column(name = "lodged_by", nullable = false)
    public String lodgedBy;

    public String answer;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "answered_by")
    public String answeredBy;
}
