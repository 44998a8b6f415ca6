package org.ownersvote.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolidayCalendarTest {

    static final HolidayCalendar SHIPPED = HolidayCalendar.shipped();

    @Test
    void theShippedYearsAreTheStateCouncilsNotices() {
        assertEquals(Set.of(2025, 2026), SHIPPED.loadedYears());
        // days off as the notices list them: 2025 1+8+3+5+3+8, 2026 3+9+3+5+3+3+7; and the weekend days worked
        assertEquals(28, SHIPPED.year(2025).holidays().size());
        assertEquals(5, SHIPPED.year(2025).workdays().size());
        assertEquals(33, SHIPPED.year(2026).holidays().size());
        assertEquals(6, SHIPPED.year(2026).workdays().size());
        assertTrue(SHIPPED.year(2026).source().contains("国办发明电〔2025〕7号"));
        assertTrue(SHIPPED.year(2025).source().contains("国办发明电〔2024〕12号"));
    }

    @Test
    void workingDaysRestDaysAndAdjustedWorkingDays() {
        assertTrue(SHIPPED.isWorkingDay(LocalDate.of(2026, 12, 16)), "an ordinary Wednesday");
        assertFalse(SHIPPED.isWorkingDay(LocalDate.of(2026, 12, 19)), "an ordinary Saturday");
        assertFalse(SHIPPED.isWorkingDay(LocalDate.of(2026, 10, 5)), "Monday in the National Day holiday");
        assertTrue(SHIPPED.isWorkingDay(LocalDate.of(2026, 10, 10)), "Saturday worked after National Day");
        assertTrue(SHIPPED.isWorkingDay(LocalDate.of(2026, 2, 14)), "Saturday worked before Spring Festival");
        assertFalse(SHIPPED.isWorkingDay(LocalDate.of(2025, 2, 4)), "the last day off of Spring Festival 2025");
        assertTrue(SHIPPED.isWorkingDay(LocalDate.of(2025, 2, 5)));
    }

    @Test
    void aYearFromAFileIsAddedAndReplacesAShippedOne(@TempDir Path dir) throws IOException {
        Path y2027 = dir.resolve("CN-2027.properties");
        Files.writeString(y2027, "year=2027\nsource=test notice\nholidays=2027-01-01\nworkdays=\n",
                StandardCharsets.UTF_8);
        Path y2026 = dir.resolve("CN-2026.properties");
        Files.writeString(y2026, "year=2026\nsource=a corrected notice\nholidays=2026-12-16\nworkdays=2026-12-19\n",
                StandardCharsets.UTF_8);
        HolidayCalendar calendar = SHIPPED.withFiles(List.of(y2027, y2026));
        assertEquals(Set.of(2025, 2026, 2027), calendar.loadedYears());
        assertFalse(calendar.isWorkingDay(LocalDate.of(2027, 1, 1)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2027, 1, 4)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 12, 16)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 12, 19)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 10, 5)), "the replaced year's holidays are gone");
    }

    @Test
    void aDayOfAMissingYearIsRefused() {
        MissingHolidayCalendarException e = assertThrows(MissingHolidayCalendarException.class,
                () -> SHIPPED.isWorkingDay(LocalDate.of(2027, 1, 4)));
        assertTrue(e.getMessage().contains("2027"), e.getMessage());
    }

    @Test
    void malformedYearsAreRefusedWhenRead() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> read("year=2026\nsource=x\nholidays=2027-01-01\n"));
        assertThrows(IllegalArgumentException.class, () -> read("year=2026\nsource=x\nworkdays=2026-12-16\n"));
        assertThrows(IllegalArgumentException.class,
                () -> read("year=2026\nsource=x\nholidays=2026-12-19\nworkdays=2026-12-19\n"));
        assertThrows(IllegalArgumentException.class, () -> read("year=2026\nholidays=2026-12-16\n"));
        assertThrows(IllegalArgumentException.class,
                () -> read("year=2026\nsource=x\nholidays=2026-12-20..2026-12-16\n"));
        assertThrows(IllegalArgumentException.class, () -> read("year=2026\nsource=x\nholidays=16.12.2026\n"));
        assertEquals(7, read("year=2026\nsource=x\nholidays=2026-10-01..2026-10-07\n").holidays().size());
    }

    private static HolidayCalendar.Year read(String text) throws IOException {
        return HolidayCalendar.read(new StringReader(text), "test");
    }
}
