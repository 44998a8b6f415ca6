package org.ownersvote.ballot;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The keyed hash of the verification code printed on a ballot's stub (wrong codes: {@link CodeAttempt}). */
@Entity
@Table(name = "ballot_code")
public class BallotCode extends PanacheEntityBase {

    @Id
    @Column(name = "ballot_id")
    public UUID ballotId;

    @Column(nullable = false)
    public String serial;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(name = "printed_at", nullable = false)
    public OffsetDateTime printedAt;

    @Column(name = "printed_by", nullable = false)
    public String printedBy;
}
