package org.ownersvote.ballot;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An owner's electronic vote, as cast; counted without entry. */
@Entity
@Table(name = "online_vote")
public class OnlineVote extends PanacheEntityBase {

    @Id
    @Column(name = "ballot_id")
    public UUID ballotId;

    @Column(name = "election_id", nullable = false)
    public UUID electionId;

    @Column(nullable = false)
    public String serial;

    /** candidate id → APPROVE, OPPOSE or ABSTAIN, as JSON. */
    @Column(nullable = false)
    public String marks;

    /** motion id → APPROVE, OPPOSE or ABSTAIN, as JSON. */
    @Column(nullable = false)
    public String motions;

    @Column(name = "cast_at", nullable = false)
    public OffsetDateTime castAt;
}
