package org.ownersvote.ballot.counting;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Where a returned paper ballot is in counting, and what was counted for it. */
@Entity
@Table(name = "ballot_count")
public class BallotCount extends PanacheEntityBase {

    public enum State {
        /** one entry so far; a second counter must enter it */
        FIRST_ENTERED,
        /** two entries disagree; a scrutineer resolves it */
        CONFLICT,
        /** agreed or resolved, and in the ledger */
        COUNTED
    }

    @Id
    @Column(name = "ballot_id")
    public UUID ballotId;

    @Column(name = "election_id", nullable = false)
    public UUID electionId;

    @Column(nullable = false)
    public String serial;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    public String signature;

    public String marks;

    public String motions;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
