package org.ownersvote.ballot;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One published version of an election's electorate, and whether all of it has arrived intact. */
@Entity
@Table(name = "electorate_version")
@IdClass(ElectorateVersion.Key.class)
public class ElectorateVersion extends PanacheEntityBase {

    public record Key(UUID electionId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "election_id")
    public UUID electionId;

    @Id
    public int version;

    @Column(nullable = false)
    public int units;

    @Column(name = "counted_units", nullable = false)
    public int countedUnits;

    @Column(name = "total_area", nullable = false, precision = 14, scale = 2)
    public BigDecimal totalArea;

    @Column(nullable = false)
    public int headcount;

    @Column(name = "chunk_count", nullable = false)
    public int chunkCount;

    @Column(name = "units_hash", nullable = false)
    public String unitsHash;

    /** Every chunk is here and the hash and figures over them match what was published. */
    @Column(nullable = false)
    public boolean complete;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;
}
