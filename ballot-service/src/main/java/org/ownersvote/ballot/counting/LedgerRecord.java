package org.ownersvote.ballot.counting;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One counted ballot in the hash-chained ledger; appended once, never changed. */
@Entity
@Table(name = "ledger_record")
@IdClass(LedgerRecord.Key.class)
public class LedgerRecord extends PanacheEntityBase {

    public record Key(UUID electionId, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "election_id")
    public UUID electionId;

    @Id
    public int position;

    @Column(nullable = false)
    public String serial;

    /** The canonical JSON of the record, exactly as hashed. */
    @Column(nullable = false)
    public String record;

    @Column(nullable = false)
    public String hash;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
