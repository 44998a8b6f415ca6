package org.ownersvote.election.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

/** The time phase guards and deadlines are judged by; tests replace it to move through weeks in a second. */
@ApplicationScoped
public class ElectionClock {

    public OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
