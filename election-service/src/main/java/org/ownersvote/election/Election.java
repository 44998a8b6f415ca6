package org.ownersvote.election;

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

import org.ownersvote.election.domain.Phase;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One election of a community's homeowners' committee, with its rules and current phase. */
@Entity
@Table(name = "election")
public class Election extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(nullable = false)
    public String title;

    /** Code of the {@link org.ownersvote.election.domain.RulePack}, e.g. CN-2021. */
    @Column(name = "rule_pack", nullable = false)
    public String rulePack;

    @Column(nullable = false)
    public int seats;

    @Column(nullable = false)
    public int alternates;

    @Column(name = "voting_days", nullable = false)
    public int votingDays;

    /** A training election (演练): no minimum periods, everything marked 演练, never certified as real. */
    @Column(nullable = false)
    public boolean drill;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Phase phase;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** When the roster was frozen for this election (nomination opened); null before. */
    @Column(name = "frozen_at")
    public OffsetDateTime frozenAt;

    /** Version of the published electorate: 1 at the freeze, +1 for every amendment after it. */
    @Column(name = "electorate_version", nullable = false)
    public int electorateVersion;

    @Column(name = "electorate_units")
    public Integer electorateUnits;

    @Column(name = "electorate_counted_units")
    public Integer electorateCountedUnits;

    @Column(name = "electorate_area", precision = 14, scale = 2)
    public BigDecimal electorateArea;

    @Column(name = "electorate_headcount")
    public Integer electorateHeadcount;

    @Column(name = "publicity_started_at")
    public OffsetDateTime publicityStartedAt;

    /** 24:00 (Beijing) of the publicity period's last day, as the candidate list announced it: voting opens from it. */
    @Column(name = "publicity_ends_at")
    public OffsetDateTime publicityEndsAt;

    @Column(name = "voting_opened_at")
    public OffsetDateTime votingOpenedAt;

    /**
     * Set when voting opens: the end of a period of voting days from the opening (24:00 Beijing of its last day,
     * platform Periods); may be extended while voting, within the rule pack's longest voting period.
     */
    @Column(name = "voting_deadline")
    public OffsetDateTime votingDeadline;

    @Column(name = "voting_closed_at")
    public OffsetDateTime votingClosedAt;

    /** Why the working group closed voting before the deadline, if it did. */
    @Column(name = "closed_early_reason")
    public String closedEarlyReason;

    /** ballot-service's final tally has arrived (issue 6 sends it). */
    @Column(name = "final_tally_received", nullable = false)
    public boolean finalTallyReceived;

    /** What the final tally said of the quorum; null until it arrives. */
    @Column(name = "quorum_met")
    public Boolean quorumMet;

    /** Final hash of the counted-ballot ledger, from the final tally. */
    @Column(name = "ledger_hash")
    public String ledgerHash;

    /** When the result was certified as valid; never set for a drill. */
    @Column(name = "certified_at")
    public OffsetDateTime certifiedAt;

    @Version
    public long version;
}
