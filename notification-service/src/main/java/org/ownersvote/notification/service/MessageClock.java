package org.ownersvote.notification.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** The time deliveries and campaigns go by; tests replace it to stand at 23:00 or 08:00 without waiting. */
@ApplicationScoped
public class MessageClock {

    public Instant now() {
        return Instant.now();
    }
}
