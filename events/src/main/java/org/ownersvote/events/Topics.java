package org.ownersvote.events;

/** Kafka topics, one per producing service; records are keyed by election id so one election's events stay in order. */
public final class Topics {
    public static final String ELECTION_EVENTS = "election-events";
    public static final String BALLOT_EVENTS = "ballot-events";
    /**
     * ballot-service's results (the final tally) on a topic of their own: election-service needs only these, and
     * reading them from ballot-events cost it a sixth of a core during voting, parsing every ballot step to pass it
     * over. A result has no order to keep with the ballot steps (it is announced after counting ends).
     */
    public static final String BALLOT_RESULTS = "ballot-results";
    public static final String NOTIFICATION_EVENTS = "notification-events";

    private Topics() {
    }
}
