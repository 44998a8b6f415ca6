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

/** One counter's entry of one returned paper ballot. */
@Entity
@Table(name = "counting_entry")
public class CountingEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "election_id", nullable = false)
    public UUID electionId;

    @Column(name = "ballot_id", nullable = false)
    public UUID ballotId;

    @Column(nullable = false)
    public String serial;

    @Column(nullable = false)
    public String counter;

    @Column(nullable = false)
    public String signature;

    /** candidate id → mark, as canonical JSON (abstentions left out). */
    @Column(nullable = false)
    public String marks;

    @Column(nullable = false)
    public String motions;

    @Column(name = "entered_at", nullable = false)
    public OffsetDateTime enteredAt;
}
