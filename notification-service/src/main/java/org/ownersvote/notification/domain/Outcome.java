package org.ownersvote.notification.domain;

/**
 * What a channel reports after one attempt to deliver a message.
 *
 * @param kind       DELIVERED (accepted by the provider), RETRY (not delivered, may succeed later) or PERMANENT
 *                   (not delivered and never will be as it stands: a bad number, a refused template)
 * @param detail     the provider's message id when delivered, otherwise the reason
 */
public record Outcome(Kind kind, String detail) {

    public enum Kind {
        DELIVERED, RETRY, PERMANENT
    }

    public static Outcome delivered(String providerMessageId) {
        return new Outcome(Kind.DELIVERED, providerMessageId);
    }

    public static Outcome retry(String reason) {
        return new Outcome(Kind.RETRY, reason);
    }

    public static Outcome permanent(String reason) {
        return new Outcome(Kind.PERMANENT, reason);
    }
}
