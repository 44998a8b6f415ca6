package org.ownersvote.ballot;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.ownersvote.ballot.domain.BallotStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The ballot of one counted unit in one election. */
@Entity
@Table(name = "ballot")
public class Ballot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "election_id", nullable = false)
    public UUID electionId;

    @Column(nullable = false, unique = true)
    public String serial;

    @Column(nullable = false)
    public int sequence;

    @Column(nullable = false)
    public String building;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal area;

    @Column(name = "person_key", nullable = false)
    public String personKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BallotStatus status;

    /** The serial of the voided ballot this one replaces. */
    @Column(name = "replaces_serial")
    public String replacesSerial;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;

    @Version
    public long version;
}
