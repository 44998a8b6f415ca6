package org.ownersvote.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 民法典 §201, §203, §204 with the State Council's 2025 and 2026 calendars (docs/rules/periods.md). */
class PeriodsTest {

    static final Periods PERIODS = new Periods(HolidayCalendar.shipped());
    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    static final TimeZone SERVER_ZONE = TimeZone.getDefault();

    @AfterEach
    void restoreServerZone() {
        TimeZone.setDefault(SERVER_ZONE);
    }

    static OffsetDateTime beijing(int year, int month, int day, int hour, int minute) {
        return OffsetDateTime.of(year, month, day, hour, minute, 0, 0, BEIJING);
    }

    static OffsetDateTime midnightAfter(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 0, 0, 0, 0, BEIJING).plusDays(1);
    }

    @Test
    void theDayItStartsIsNotCountedAndTheLastDayEndsAt24() {
        // the example: published 1 December 10:00 → 15 whole days 2–16 December → voting from 17 December 00:00
        assertEquals(midnightAfter(2026, 12, 16).toInstant(),
                PERIODS.end(beijing(2026, 12, 1, 10, 0), 15).toInstant());
        assertEquals(LocalDate.of(2026, 12, 16), PERIODS.lastDay(beijing(2026, 12, 1, 10, 0), 15));
    }

    @Test
    void publishedLateInTheEveningBeijingTimeOnAServerInUtc() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        // 23:30 in Beijing is 15:30 UTC the same day: 1 December is the day of publication
        OffsetDateTime published = OffsetDateTime.of(2026, 12, 1, 15, 30, 0, 0, ZoneOffset.UTC);
        assertEquals(midnightAfter(2026, 12, 16).toInstant(), PERIODS.end(published, 15).toInstant());
    }

    @Test
    void publishedJustAfterMidnightBeijingTimeWhichIsTheEveningBeforeInUtc() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        // 00:05 on 2 December in Beijing is 16:05 UTC on 1 December: the day of publication is 2 December
        OffsetDateTime published = OffsetDateTime.of(2026, 12, 1, 16, 5, 0, 0, ZoneOffset.UTC);
        assertEquals(midnightAfter(2026, 12, 17).toInstant(), PERIODS.end(published, 15).toInstant());
        // and one that reads the server's own zone would count from 1 December: a zone far west changes nothing
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        assertEquals(midnightAfter(2026, 12, 17).toInstant(), PERIODS.end(published, 15).toInstant());
    }

    @Test
    void aLastDayOnASaturdayThatIsAnAdjustedWorkingDayStays() {
        // 13 February 2026 + 15 days = Saturday 28 February, a working day (国办发明电〔2025〕7号)
        assertEquals(LocalDate.of(2026, 2, 28), PERIODS.lastDay(beijing(2026, 2, 13, 9, 0), 15));
        // 10 October 2026, a Saturday worked after National Day
        assertEquals(LocalDate.of(2026, 10, 10), PERIODS.lastDay(beijing(2026, 10, 3, 9, 0), 7));
    }

    @Test
    void aLastDayOnAnOrdinaryWeekendMovesToMonday() {
        // Saturday 19 December 2026 → Monday 21 December
        assertEquals(midnightAfter(2026, 12, 21).toInstant(),
                PERIODS.end(beijing(2026, 12, 4, 9, 0), 15).toInstant());
    }

    @Test
    void aLastDayInsideTheNationalDayHolidayEndsTheDayAfterTheHoliday() {
        // 3 October 2026 is a day off (1–7 October): the period ends at 24:00 on Thursday 8 October
        assertEquals(midnightAfter(2026, 10, 8).toInstant(),
                PERIODS.end(beijing(2026, 9, 18, 20, 0), 15).toInstant());
        // 2025: 1–8 October off, so a last day on 5 October runs to 24:00 on 9 October
        assertEquals(LocalDate.of(2025, 10, 9), PERIODS.lastDay(beijing(2025, 9, 20, 8, 0), 15));
    }

    @Test
    void anExtensionAcrossTheSpringFestivalEndsAfterIt() {
        OffsetDateTime deadline = midnightAfter(2026, 2, 10); // 24:00 on Tuesday 10 February 2026
        // 7 more days: 17 February, inside 15–23 February → 24:00 on Tuesday 24 February
        assertEquals(midnightAfter(2026, 2, 24).toInstant(), PERIODS.extend(deadline, 7).toInstant());
        // 2025: 24:00 on 24 January + 5 days = 29 January, inside 28 January–4 February → 24:00 on 5 February
        assertEquals(midnightAfter(2025, 2, 5).toInstant(), PERIODS.extend(midnightAfter(2025, 1, 24), 5).toInstant());
    }

    @Test
    void anExtensionCountsFromTheLastDayTheDeadlineActuallyEnded() {
        // a deadline moved past a weekend (24:00 Monday 21 December) extended by 3 days ends 24:00 Thursday 24 December
        assertEquals(midnightAfter(2026, 12, 24).toInstant(),
                PERIODS.extend(midnightAfter(2026, 12, 21), 3).toInstant());
    }

    @Test
    void aDayInAYearWithNoCalendarIsNotGuessed() {
        // 24:00 on 31 December 2026 + 1 day = 1 January 2027: no notice for 2027 is shipped
        MissingHolidayCalendarException missing = assertThrows(MissingHolidayCalendarException.class,
                () -> PERIODS.extend(midnightAfter(2026, 12, 31), 1));
        assertEquals(2027, missing.year());
        // a period that ends on a working day of a known year needs nothing more
        assertEquals(LocalDate.of(2026, 12, 31), PERIODS.lastDay(beijing(2026, 12, 16, 9, 0), 15));
    }

    @Test
    void remindersCountCalendarDaysBackFromTheLastDay() {
        OffsetDateTime deadline = midnightAfter(2026, 12, 16);
        assertEquals(beijing(2026, 12, 14, 0, 0).toInstant(), Periods.remindFrom(deadline, 3).toInstant());
        assertEquals(beijing(2026, 12, 16, 0, 0).toInstant(), Periods.remindFrom(deadline, 1).toInstant());
        // a drill's deadline during the day: its own day is the last day
        assertEquals(beijing(2026, 12, 16, 0, 0).toInstant(),
                Periods.remindFrom(beijing(2026, 12, 16, 18, 0), 1).toInstant());
    }

    @Test
    void aDeadlineIsWithinAPeriodUpToItsLawfulEnd() {
        OffsetDateTime opened = beijing(2026, 9, 29, 0, 0); // + 60 days = Saturday 28 November → Monday 30 November
        assertEquals(true, PERIODS.within(opened, 60, midnightAfter(2026, 11, 28)));
        assertEquals(true, PERIODS.within(opened, 60, midnightAfter(2026, 11, 30)));
        assertEquals(false, PERIODS.within(opened, 60, midnightAfter(2026, 12, 1)));
        // within the calendar days, a missing later year does not matter: opened 17 December 2026, 60 days → 2027
        assertEquals(true, PERIODS.within(beijing(2026, 12, 17, 0, 0), 60, midnightAfter(2026, 12, 31)));
        assertThrows(MissingHolidayCalendarException.class,
                () -> PERIODS.within(beijing(2026, 12, 31, 9, 0), 1, midnightAfter(2027, 1, 5)));
    }

    @Test
    void periodsHaveAtLeastOneDay() {
        assertThrows(IllegalArgumentException.class, () -> PERIODS.end(beijing(2026, 12, 1, 10, 0), 0));
        assertThrows(IllegalArgumentException.class, () -> PERIODS.extend(midnightAfter(2026, 12, 1), 0));
    }
}
