package org.ownersvote.notification;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** notification-service's copy of an election, as election.created announced it: the names notices print. */
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
}
