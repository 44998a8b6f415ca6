package org.ownersvote.events;

/** An event that cannot be read against its contract: it goes to the dead-letter topic with this message as the reason. */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String reason) {
        super(reason);
    }
}
