package org.ownersvote.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * notification-service's copy of an election: the names notices print (from election.created), and the phase and
 * voting deadline reminder campaigns go by.
 */
@Entity
@Table(name = "election")
public class NoticeElection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "community_name", nullable = false)
    public String communityName;

    @Column(nullable = false)
    public String title;

    @Column(name = "rule_pack", nullable = false)
    public String rulePack;

    @Column(nullable = false)
    public int seats;

    @Column(nullable = false)
    public int alternates;

    @Column(nullable = false)
    public boolean drill;

    /** The phase as the last phase change announced it; null before the first. */
    public String phase;

    @Column(name = "voting_deadline")
    public OffsetDateTime votingDeadline;

    /**
     * The final tally as ballot.tally-finalized carried it (JSON), kept until the result is published; null before it
     * arrives.
     */
    @Column(name = "final_tally")
    public String finalTally;

    public static java.util.List<NoticeElection> voting() {
        return list("phase = 'VOTING' and votingDeadline is not null");
    }
}
