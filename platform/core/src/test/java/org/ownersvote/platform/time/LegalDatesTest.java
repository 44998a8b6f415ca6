package org.ownersvote.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LegalDatesTest {

    @Test
    void aPeriodsEndReadsAs24OfItsLastDayBeijingTime() {
        OffsetDateTime end = OffsetDateTime.of(2026, 12, 16, 16, 0, 0, 0, ZoneOffset.UTC); // 00:00 on 17 Dec, Beijing
        assertEquals("2026年12月16日24时", LegalDates.deadline(end, "zh"));
        assertEquals("24:00 on 16 December 2026, Beijing time", LegalDates.deadline(end, "en"));
    }

    @Test
    void aDeadlineDuringTheDayShowsItsTime() {
        OffsetDateTime drill = OffsetDateTime.of(2026, 12, 16, 10, 5, 0, 0, ZoneOffset.UTC); // 18:05 Beijing
        assertEquals("2026年12月16日18时5分", LegalDates.deadline(drill, "zh"));
        assertEquals("18:05 on 16 December 2026, Beijing time", LegalDates.deadline(drill, "en"));
        assertEquals("2026年12月16日18时", LegalDates.deadline(drill.withMinute(0), "zh"));
        assertEquals("", LegalDates.deadline(null, "zh"));
    }
}
