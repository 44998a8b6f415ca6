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

/**
 * A scrutineer's sign-off: the attestation code their verifier printed, the ledger hash it was made on, and whether it
 * matched ballot-service's own (a deliberate disagreement is recorded with agrees = false).
 */
@Entity
@Table(name = "tally_signoff")
public class TallySignoff extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "election_id", nullable = false)
    public UUID electionId;

    @Column(nullable = false)
    public String scrutineer;

    @Column(name = "ledger_hash", nullable = false)
    public String ledgerHash;

    public String attestation;

    @Column(nullable = false)
    public boolean agrees;

    public String note;

    @Column(name = "signed_at", nullable = false)
    public OffsetDateTime signedAt;
}
