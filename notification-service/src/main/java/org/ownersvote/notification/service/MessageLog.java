package org.ownersvote.notification.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ownersvote.notification.Message;
import org.ownersvote.notification.repository.MessageRepository;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

import io.quarkus.panache.common.Page;

/** What the working group reads about an election's messages: pages filtered by state, and one message's attempts. */
@ApplicationScoped
public class MessageLog {

    @Inject
    MessageRepository messages;

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
        var query = messages.of(electionId, status, channel, purpose);
        List<Message> items = query.page(Page.of(page, size)).<Message>list();
        return new Listing(items, page, size, query.count(), messages.countsByStatus(electionId));
    }

    @Transactional
    public Delivery one(UUID electionId, UUID messageId) {
        Message m = Message.findById(messageId);
        if (m == null || !m.electionId.equals(electionId)) {
            throw ProblemException.notFound(Text.of("thing.message"), messageId);
        }
        return new Delivery(m, messages.attempts(messageId));
    }
}
