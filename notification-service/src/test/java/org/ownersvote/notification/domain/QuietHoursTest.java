package org.ownersvote.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));

    @Test
    void fromNineInTheEveningToEightInTheMorningBeijingTimeIsQuiet() {
        assertFalse(NIGHT.isQuiet(Instant.parse("2026-12-20T12:59:59Z")), "20:59:59");
        assertTrue(NIGHT.isQuiet(Instant.parse("2026-12-20T13:00:00Z")), "21:00");
        assertTrue(NIGHT.isQuiet(Instant.parse("2026-12-20T15:00:00Z")), "23:00");
        assertTrue(NIGHT.isQuiet(Instant.parse("2026-12-20T23:59:59Z")), "07:59:59");
        assertFalse(NIGHT.isQuiet(Instant.parse("2026-12-21T00:00:00Z")), "08:00");
    }

    @Test
    void aMessageDueInTheNightWaitsUntilEightTheNextMorningAndOneDueByDayDoesNotWait() {
        assertEquals(Instant.parse("2026-12-21T00:00:00Z"), NIGHT.earliestSend(Instant.parse("2026-12-20T15:00:00Z")));
        assertEquals(Instant.parse("2026-12-21T00:00:00Z"), NIGHT.earliestSend(Instant.parse("2026-12-20T19:30:00Z")),
                "03:30 after midnight waits until 08:00 the same day");
        Instant noon = Instant.parse("2026-12-20T04:00:00Z");
        assertEquals(noon, NIGHT.earliestSend(noon));
    }

    @Test
    void aWindowWithinOneDayAndNoWindowAtAll() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), ZoneId.of("Asia/Shanghai"));
        assertTrue(lunch.isQuiet(Instant.parse("2026-12-20T04:30:00Z")));
        assertEquals(Instant.parse("2026-12-20T05:30:00Z"), lunch.earliestSend(Instant.parse("2026-12-20T04:30:00Z")));
        assertFalse(lunch.isQuiet(Instant.parse("2026-12-20T05:30:00Z")));
        QuietHours none = new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));
        assertFalse(none.isQuiet(Instant.parse("2026-12-20T00:00:00Z")));
    }
}
