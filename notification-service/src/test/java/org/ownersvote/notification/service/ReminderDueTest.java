package org.ownersvote.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Reminders "3 and 1 days before the deadline" count calendar days in Beijing time back from the last day. */
class ReminderDueTest {

    /** 24:00 on Wednesday 16 December 2026, Beijing time. */
    static final Instant DEADLINE = OffsetDateTime.parse("2026-12-17T00:00:00+08:00").toInstant();

    static Optional<Integer> dueAt(String beijing) {
        return Campaigns.reminderDue(List.of(3, 1), DEADLINE, OffsetDateTime.parse(beijing + "+08:00").toInstant());
    }

    @Test
    void threeDaysBeforeIsDueFromTheStartOfTheDayWithThreeDaysLeft() {
        assertEquals(Optional.empty(), dueAt("2026-12-13T23:59:00"));
        assertEquals(Optional.of(3), dueAt("2026-12-14T00:00:00")); // 14, 15 and 16 December remain
        assertEquals(Optional.of(3), dueAt("2026-12-15T23:59:00"));
    }

    @Test
    void oneDayBeforeIsDueOnTheLastDay() {
        assertEquals(Optional.of(1), dueAt("2026-12-16T00:00:00"));
        assertEquals(Optional.of(1), dueAt("2026-12-16T23:59:00"));
    }

    @Test
    void theDayIsBeijingsNotTheServers() {
        // 15:59 UTC on 15 December is 23:59 in Beijing: still the 15th there, so the 1-day reminder is not due yet
        assertEquals(Optional.of(3), Campaigns.reminderDue(List.of(3, 1), DEADLINE,
                Instant.parse("2026-12-15T15:59:00Z")));
        assertEquals(Optional.of(1), Campaigns.reminderDue(List.of(3, 1), DEADLINE,
                Instant.parse("2026-12-15T16:00:00Z")));
    }
}
