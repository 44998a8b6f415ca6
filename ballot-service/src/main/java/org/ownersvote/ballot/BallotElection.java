package org.ownersvote.ballot;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** ballot-service's copy of an election, as election-service announced it: what ballots are issued for. */
@Entity
@Table(name = "election")
public class BallotElection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

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

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
