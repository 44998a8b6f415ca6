package org.ownersvote.notification.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ownersvote.notification.Message;
import org.ownersvote.notification.service.MessageLog;
import org.ownersvote.platform.privacy.Masks;

/**
 * A message and where its delivery stands. Phone numbers and email addresses are masked: the working group has
 * the roster for calling an owner, and a list of messages is not the place to copy contacts from.
 */
public record MessageView(UUID id, Message.Purpose purpose, Message.Channel channel, String recipient,
        String address, String subject, String body, Message.Status status, int round, int attempts,
        Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt, List<MessageLog.Attempt> history) {

    public static MessageView of(MessageLog.Delivery delivery) {
        return of(delivery.message(), delivery.history());
    }

    public static MessageView of(Message m, List<MessageLog.Attempt> history) {
        return new MessageView(m.id, m.purpose, m.channel, m.recipient, mask(m.channel, m.address), m.subject, m.body,
                m.status, m.round, m.attempts, m.status == Message.Status.PENDING ? m.nextAttemptAt : null,
                m.lastError, m.createdAt, m.sentAt, history);
    }

    static String mask(Message.Channel channel, String address) {
        return switch (channel) {
            case SMS -> Masks.phone(address);
            case EMAIL -> Masks.email(address);
            case WECOM -> address; // a group's name
        };
    }
}
