package org.ownersvote.ballot.counting;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The tally as the chief scrutineer froze it. */
@Entity
@Table(name = "final_tally")
public class FinalTally extends PanacheEntityBase {

    @Id
    @Column(name = "election_id")
    public UUID electionId;

    /** The tally as JSON, exactly as published. */
    @Column(nullable = false)
    public String tally;

    @Column(name = "ledger_hash", nullable = false)
    public String ledgerHash;

    @Column(name = "finalized_by", nullable = false)
    public String finalizedBy;

    @Column(name = "finalized_at", nullable = false)
    public OffsetDateTime finalizedAt;
}
