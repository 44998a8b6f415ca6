package org.ownersvote.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A notice on a community's public board (公告). */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    /** What a notice announces; one kind per event that produces a notice. */
    public enum Kind {
        ELECTION_STARTED, NOMINATION_OPEN, CANDIDATE_LIST, OBJECTION_ANSWERED, VOTING_OPEN, DEADLINE_EXTENDED, ELECTION_FAILED, RESULT, UNDELIVERABLE_BALLOTS, VOTING_CLOSED_EARLY
    }

    @Id
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "election_id")
    public UUID electionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "title_en", nullable = false)
    public String titleEn;

    @Column(name = "body_en", nullable = false)
    public String bodyEn;

    /** Notices of a drill election are marked 演练 and never mistaken for real ones. */
    @Column(nullable = false)
    public boolean drill;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    /** End of the publicity period (公示期), where the notice has one. */
    @Column(name = "publicity_ends_at")
    public OffsetDateTime publicityEndsAt;

    /** The event that produced it: one notice per event, however often the event is delivered. */
    @Column(name = "source_event_id", nullable = false, unique = true)
    public String sourceEventId;
}
