package org.ownersvote.notification.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.ownersvote.notification.Message;
import org.ownersvote.notification.service.MessageLog.Attempt;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Messages ({@code message}) and their delivery attempts ({@code message_attempt}). */
@ApplicationScoped
public class MessageRepository {

    @Inject
    EntityManager em;

    /** The message, read for update; null if there is none. */
    public Message lock(UUID id) {
        return em.find(Message.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Queues a message unless one with the same key is queued already.
     *
     * @return 1 if queued, 0 if its key was there
     */
    public int queue(UUID id, UUID electionId, UUID communityId, Message.Purpose purpose, Message.Channel channel,
            String recipient, String address, String templateId, String params, String subject, String body,
            String dedupKey, Instant now) {
        return em.createNativeQuery("""
                insert into message (id, election_id, community_id, purpose, channel, recipient, address, template_id,
                    params, subject, body, dedup_key, status, next_attempt_at, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'PENDING', ?13, ?13)
                on conflict (dedup_key) do nothing""")
                .setParameter(1, id).setParameter(2, electionId).setParameter(3, communityId)
                .setParameter(4, purpose.name()).setParameter(5, channel.name()).setParameter(6, recipient)
                .setParameter(7, address).setParameter(8, templateId).setParameter(9, params)
                .setParameter(10, subject).setParameter(11, body)
                .setParameter(12, dedupKey)
                .setParameter(13, now).executeUpdate();
    }

    /** Up to {@code limit} PENDING messages due by {@code now}, earliest first, locked; those locked elsewhere skipped. */
    @SuppressWarnings("unchecked")
    public List<Message> lockDue(Instant now, int limit) {
        return em.createNativeQuery("""
                select * from message where status = 'PENDING' and next_attempt_at <= ?1
                order by next_attempt_at limit ?2 for update skip locked""", Message.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /** The messages claimed before {@code claimedBefore} and still SENDING, locked; those locked elsewhere skipped. */
    @SuppressWarnings("unchecked")
    public List<Message> lockSendingSince(Instant claimedBefore) {
        return em.createNativeQuery("""
                select * from message where status = 'SENDING' and claimed_at < ?1 for update skip locked""",
                Message.class).setParameter(1, claimedBefore).getResultList();
    }

    /** Appends an attempt to the message's history. */
    public void addAttempt(UUID messageId, int attempt, int round, Instant at, String outcome, String detail) {
        em.createNativeQuery("""
                insert into message_attempt (message_id, attempt, round, at, outcome, detail)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, messageId).setParameter(2, attempt).setParameter(3, round).setParameter(4, at)
                .setParameter(5, outcome).setParameter(6, detail).executeUpdate();
    }

    /** The message's attempts, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Attempt> attempts(UUID messageId) {
        List<Attempt> history = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select attempt, round, at, outcome, detail from "
                + "message_attempt where message_id = ?1 order by id").setParameter(1, messageId).getResultList()) {
            history.add(new Attempt(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                    (Instant) r[2], (String) r[3], (String) r[4]));
        }
        return history;
    }

    /** The election's messages, newest first, of this status, channel and purpose where given (null: any). */
    public PanacheQuery<Message> of(UUID electionId, Message.Status status, Message.Channel channel,
            Message.Purpose purpose) {
        StringBuilder where = new StringBuilder("electionId = :election");
        Parameters params = Parameters.with("election", electionId);
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (channel != null) {
            where.append(" and channel = :channel");
            params.and("channel", channel);
        }
        if (purpose != null) {
            where.append(" and purpose = :purpose");
            params.and("purpose", purpose);
        }
        return Message.find(where.toString(), Sort.descending("createdAt").and("id"), params);
    }

    /** How many of the election's messages are in each state, every state named. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> countsByStatus(UUID electionId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Message.Status s : Message.Status.values()) {
            counts.put(s.name(), 0L);
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select status, count(*) from message "
                + "where election_id = ?1 group by status").setParameter(1, electionId).getResultList()) {
            counts.put((String) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }
}
