package org.ownersvote.election;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An owner nominated for the committee, and the working group's decision on their eligibility. */
@Entity
@Table(name = "candidate")
public class Candidate extends PanacheEntityBase {

    public enum Status {
        NOMINATED, APPROVED, REJECTED
    }

    /** Why a nominee is not eligible (上海 §20), plus OTHER with free text. */
    public enum ReasonCategory {
        FEE_OR_REPAIR_FUND_ARREARS, ILLEGAL_BUILDING_OR_DAMAGE, RELATIVE_EMPLOYED_BY_PROPERTY_COMPANY, OTHER
    }

    @Id
    public UUID id;

    @Column(name = "election_id", nullable = false)
    public UUID electionId;

    /** The nominee's own unit. */
    @Column(nullable = false)
    public String building;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public String name;

    public String statement;

    /** The written commitment (承诺书, 上海 §20) was handed in. */
    @Column(name = "commitment_received", nullable = false)
    public boolean commitmentReceived;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_category")
    public ReasonCategory reasonCategory;

    public String reason;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "nominated_at", nullable = false)
    public OffsetDateTime nominatedAt;
}
