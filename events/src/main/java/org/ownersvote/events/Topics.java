package org.ownersvote.events;

/** Kafka topics, one per producing service; records are keyed by election id so one election's events stay in order. */
public final class Topics {
    public static final String ELECTION_EVENTS = "election-events";
    public static final String BALLOT_EVENTS = "ballot-events";
    public static final String NOTIFICATION_EVENTS = "notification-events";

    private Topics() {
    }
}
