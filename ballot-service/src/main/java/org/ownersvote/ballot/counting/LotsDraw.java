package org.ownersvote.ballot.counting;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A drawing of lots (抽签) among tied candidates, as the working group recorded it with its witnesses. */
@Entity
@Table(name = "lots_draw")
public class LotsDraw extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "election_id", nullable = false)
    public UUID electionId;

    /** JSON array of candidate ids in the drawn order. */
    @Column(name = "candidate_ids", nullable = false)
    public String candidateIds;

    /** JSON array of the witnesses' names. */
    @Column(nullable = false)
    public String witnesses;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
