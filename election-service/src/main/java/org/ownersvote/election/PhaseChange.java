package org.ownersvote.election;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.ownersvote.election.domain.Phase;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One move of an election from a phase to the next, with who, when and why. */
@Entity
@Table(name = "phase_change")
public class PhaseChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "election_id", nullable = false)
    public UUID electionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_phase", nullable = false)
    public Phase fromPhase;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_phase", nullable = false)
    public Phase toPhase;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    public String reason;
}
