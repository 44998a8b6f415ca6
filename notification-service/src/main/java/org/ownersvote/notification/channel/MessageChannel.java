package org.ownersvote.notification.channel;

import org.ownersvote.notification.Message;
import org.ownersvote.notification.domain.Outcome;

/** One way of reaching people (SMS, email, a WeChat Work group). */
public interface MessageChannel {

    Message.Channel channel();

    /** False when the deployment has not configured this channel; no messages are then made for it. */
    boolean enabled();

    /**
     * Whether sending the same message again after a crash is harmless: true when the provider deduplicates by the
     * message's request id, so an interrupted send may be retried without the recipient getting it twice.
     */
    boolean deduplicatesRequests();

    /** One attempt; never throws for a delivery problem, it reports it. */
    Outcome send(Message message);
}
