package org.ownersvote.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One message to one recipient over one channel, and where its delivery stands. */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {

    /** What the message tells its recipient. */
    public enum Purpose {
        CANDIDATE_LIST, VOTING_OPEN, DEADLINE_EXTENDED, REMINDER, WORKLIST, RESULT, ELECTION_FAILED
    }

    public enum Channel {
        SMS, EMAIL, WECOM
    }

    /**
     * PENDING: waiting for its next attempt; SENDING: handed to a channel right now; SENT: the provider accepted it;
     * FAILED: will not be delivered without a resend (reason in lastError); UNCONFIRMED: the service stopped while
     * sending over a channel that cannot tell a repeat from a new message, so it is not sent again by itself.
     */
    public enum Status {
        PENDING, SENDING, SENT, FAILED, UNCONFIRMED
    }

    @Id
    public UUID id;

    @Column(name = "election_id", nullable = false)
    public UUID electionId;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** Whom it is for, as people say it: a unit ("3号楼 1-101"), a group's name, a building leader's name. */
    @Column(nullable = false)
    public String recipient;

    /** Phone number, email address, or WeChat Work group name. */
    @Column(nullable = false)
    public String address;

    /** The SMS provider's template id (SMS), or the purpose's template name (other channels). */
    @Column(name = "template_id", nullable = false)
    public String templateId;

    /** The template's parameters as a JSON object, as sent to the SMS provider. */
    @Column(nullable = false)
    public String params;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "dedup_key", nullable = false, unique = true)
    public String dedupKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** 1, and one more for every resend a person asked for; an SMS request id is {@code id:round}. */
    @Column(nullable = false)
    public int round;

    /** Attempts in the current round. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The idempotency key an SMS provider deduplicates on: the same for every retry of one round. */
    public String requestId() {
        return id + ":" + round;
    }
}
