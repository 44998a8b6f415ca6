package org.ownersvote.notification.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ownersvote.notification.Message;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** What the working group reads about an election's messages: pages filtered by state, and one message's attempts. */
@ApplicationScoped
public class MessageLog {

    @Inject
    EntityManager em;

    /** One page of an election's messages, newest first, and how many messages are in each state (all pages). */
    public record Listing(List<Message> items, int page, int size, long total, Map<String, Long> byStatus) {
    }

    /** One delivery attempt of a message: its round, when, and what the channel answered. */
    public record Attempt(int attempt, int round, Instant at, String outcome, String detail) {
    }

    /** A message with its attempts, oldest first. */
    public record Delivery(Message message, List<Attempt> history) {
    }

    @Transactional
    public Listing page(UUID electionId, Message.Status status, Message.Channel channel, Message.Purpose purpose,
            int page, int size) {
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
        var query = Message.find(where.toString(), Sort.descending("createdAt").and("id"), params);
        List<Message> items = query.page(Page.of(page, size)).<Message>list();
        return new Listing(items, page, size, query.count(), byStatus(electionId));
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Delivery one(UUID electionId, UUID messageId) {
        Message m = Message.findById(messageId);
        if (m == null || !m.electionId.equals(electionId)) {
            throw ProblemException.notFound(Text.of("thing.message"), messageId);
        }
        List<Attempt> history = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select attempt, round, at, outcome, detail from "
                + "message_attempt where message_id = ?1 order by id").setParameter(1, messageId).getResultList()) {
            history.add(new Attempt(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                    (Instant) r[2], (String) r[3], (String) r[4]));
        }
        return new Delivery(m, history);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> byStatus(UUID electionId) {
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
