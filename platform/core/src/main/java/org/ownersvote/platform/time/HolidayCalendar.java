package org.ownersvote.platform.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which days are working days in mainland China, one year at a time, from the State Council's yearly notice
 * (国务院办公厅关于某年部分节假日安排的通知): the days off of the statutory holidays, and the weekend days that are
 * working days instead (调休上班). Any other Saturday or Sunday is a rest day; any other weekday a working day.
 * <p>
 * The years shipped are {@code holidays/CN-<year>.properties} on the classpath; a file given by configuration adds a
 * year or replaces a shipped one. A day in a year with no calendar is not guessed:
 * {@link #isWorkingDay(LocalDate)} throws {@link MissingHolidayCalendarException}. docs/rules/periods.md says where
 * the data comes from and how to add a year.
 */
public final class HolidayCalendar {

    /** One year's notice: days off, and weekend days worked. */
    public record Year(int year, Set<LocalDate> holidays, Set<LocalDate> workdays, String source) {

        public Year {
            holidays = Set.copyOf(holidays);
            workdays = Set.copyOf(workdays);
        }
    }

    /** Shipped years are looked for from here to {@link #LAST_SHIPPED_YEAR}. */
    private static final int FIRST_SHIPPED_YEAR = 2020;
    private static final int LAST_SHIPPED_YEAR = 2100;

    private final Map<Integer, Year> years;

    private HolidayCalendar(Map<Integer, Year> years) {
        this.years = Collections.unmodifiableMap(new TreeMap<>(years));
    }

    public static HolidayCalendar of(List<Year> years) {
        Map<Integer, Year> byYear = new TreeMap<>();
        years.forEach(y -> byYear.put(y.year(), y));
        return new HolidayCalendar(byYear);
    }

    /** The years shipped with OwnersVote ({@code holidays/CN-<year>.properties}). */
    public static HolidayCalendar shipped() {
        Map<Integer, Year> byYear = new TreeMap<>();
        ClassLoader loader = HolidayCalendar.class.getClassLoader();
        for (int year = FIRST_SHIPPED_YEAR; year <= LAST_SHIPPED_YEAR; year++) {
            String name = "holidays/CN-" + year + ".properties";
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in != null) {
                    Year read = read(new InputStreamReader(in, StandardCharsets.UTF_8), name);
                    if (read.year() != year) {
                        throw new IllegalArgumentException(name + ": says year=" + read.year());
                    }
                    byYear.put(year, read);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(name, e);
            }
        }
        return new HolidayCalendar(byYear);
    }

    /** This calendar with the years of these files added, each replacing a year already present. */
    public HolidayCalendar withFiles(List<Path> files) {
        Map<Integer, Year> byYear = new TreeMap<>(years);
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Year year = read(reader, file.toString());
                byYear.put(year.year(), year);
            } catch (IOException e) {
                throw new UncheckedIOException("holiday calendar " + file, e);
            }
        }
        return new HolidayCalendar(byYear);
    }

    /**
     * Reads one year: {@code year}, {@code source}, {@code holidays} and {@code workdays} as comma-separated dates
     * ({@code 2026-10-01}) or ranges ({@code 2026-10-01..2026-10-07}). Refused: a date outside the year, a day that is
     * both, a working day that is not a Saturday or Sunday.
     */
    public static Year read(Reader reader, String name) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        String yearText = p.getProperty("year");
        if (yearText == null || yearText.isBlank()) {
            throw new IllegalArgumentException(name + ": no year");
        }
        int year = Integer.parseInt(yearText.strip());
        Set<LocalDate> holidays = dates(p.getProperty("holidays", ""), year, name);
        Set<LocalDate> workdays = dates(p.getProperty("workdays", ""), year, name);
        Set<LocalDate> both = new HashSet<>(holidays);
        both.retainAll(workdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException(name + ": both holiday and working day: " + new TreeSet<>(both));
        }
        for (LocalDate d : workdays) {
            if (!isWeekend(d)) {
                throw new IllegalArgumentException(name + ": " + d + " is a weekday; only a Saturday or Sunday can be "
                        + "an adjusted working day");
            }
        }
        String source = p.getProperty("source", "").strip();
        if (source.isEmpty()) {
            throw new IllegalArgumentException(name + ": no source (the notice the dates come from)");
        }
        return new Year(year, holidays, workdays, source);
    }

    private static Set<LocalDate> dates(String text, int year, String name) {
        Set<LocalDate> dates = new TreeSet<>();
        for (String item : text.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            try {
                String[] range = s.split("\\.\\.", -1);
                LocalDate from = LocalDate.parse(range[0].strip());
                LocalDate to = range.length == 2 ? LocalDate.parse(range[1].strip()) : from;
                if (range.length > 2 || to.isBefore(from)) {
                    throw new IllegalArgumentException(name + ": bad range " + s);
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    if (d.getYear() != year) {
                        throw new IllegalArgumentException(name + ": " + d + " is not in " + year);
                    }
                    dates.add(d);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + ": not a date: " + s, e);
            }
        }
        return dates;
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /**
     * Whether people work on this day: an adjusted working day (调休上班) is one, a holiday day off is not, a Saturday or
     * Sunday is not, any other day is.
     *
     * @throws MissingHolidayCalendarException when no calendar for the day's year is loaded
     */
    public boolean isWorkingDay(LocalDate day) {
        Year year = years.get(day.getYear());
        if (year == null) {
            throw new MissingHolidayCalendarException(day.getYear(), loadedYears());
        }
        if (year.workdays().contains(day)) {
            return true;
        }
        return !year.holidays().contains(day) && !isWeekend(day);
    }

    public SortedSet<Integer> loadedYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    public Year year(int year) {
        return years.get(year);
    }
}
