package org.ownersvote.platform.election;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.ElectionPhase;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A service's copy of an election, as election-service's events announce it: the columns ballot- and
 * notification-service both keep in their own {@code election} table, and the one way the events set them. Each
 * service's entity adds what only it keeps.
 */
@MappedSuperclass
public abstract class ElectionCopy extends PanacheEntityBase {

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

    /** The phase by the name the events give it ({@link #phase()} reads it); null while none was announced. */
    public String phase;

    @Column(name = "voting_deadline")
    public OffsetDateTime votingDeadline;

    /** What election.created.v1 says of the election. */
    public void copy(ElectionCreated created) {
        id = created.electionId();
        communityId = created.communityId();
        communityName = created.communityName();
        title = created.title();
        rulePack = created.rulePack();
        seats = created.seats();
        alternates = created.alternates();
        drill = created.drill();
    }

    /** The phase; null while none was announced. */
    public ElectionPhase phase() {
        return phase == null ? null : ElectionPhase.of(phase);
    }

    /** Moves the copy's phase only forward: a late or redelivered event never takes it back. */
    public void moveForwardTo(ElectionPhase next) {
        if (next.isForwardFrom(phase())) {
            phase = next.name();
        }
    }
}
