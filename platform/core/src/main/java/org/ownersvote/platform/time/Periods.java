package org.ownersvote.platform.time;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Periods as the law counts them (民法典 §200–§204): the one place OwnersVote computes the end of a period and a day
 * relative to a deadline.
 * <ul>
 * <li>§201: a period counted in days does not count the day it starts; it runs from the next day;</li>
 * <li>§203: its last day ends at 24:00; if the last day is a statutory rest day (法定休假日: a weekly rest day or a
 * holiday day off, but not a weekend day the State Council made a working day), the period ends on the first working
 * day after it;</li>
 * <li>days are calendar days in Beijing time (Asia/Shanghai), whatever zone the server runs in.</li>
 * </ul>
 * The end of a period is an instant: 24:00 of its last day in Beijing, which is 00:00 of the next day. Nothing before
 * that instant is "after the period".
 */
public final class Periods {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final HolidayCalendar calendar;

    public Periods(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    public HolidayCalendar calendar() {
        return calendar;
    }

    /**
     * The end of a period of {@code days} days that begins at {@code start}: 24:00 (Beijing) of the {@code days}-th day
     * after the day of {@code start}, moved to the next working day if that day is a rest day.
     *
     * @throws MissingHolidayCalendarException when a day to be judged lies in a year with no calendar
     */
    public OffsetDateTime end(OffsetDateTime start, int days) {
        return endOfDay(lastDay(start, days));
    }

    /** The last day of such a period (the day at whose 24:00 it ends). */
    public LocalDate lastDay(OffsetDateTime start, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a period has at least one day: " + days);
        }
        return lawfulLastDay(dayOf(start).plusDays(days));
    }

    /**
     * A running period extended by {@code days} days: the extension begins where the period ends (its last day is the
     * day the extension starts and is not counted), so its last day is that many days after the current last day,
     * moved past rest days like any period's.
     */
    public OffsetDateTime extend(OffsetDateTime currentEnd, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("an extension has at least one day: " + days);
        }
        return endOfDay(lawfulLastDay(lastDayOf(currentEnd).plusDays(days)));
    }

    /**
     * Whether a deadline lies within a period of {@code days} days from {@code start} (not after its end). A deadline
     * whose last day is within the period's calendar days needs no calendar; one beyond them is judged against the
     * period's lawful end, which may lie further on past rest days.
     */
    public boolean within(OffsetDateTime start, int days, OffsetDateTime deadline) {
        if (!lastDayOf(deadline).isAfter(dayOf(start).plusDays(days))) {
            return true;
        }
        return !deadline.isAfter(end(start, days));
    }

    private LocalDate lawfulLastDay(LocalDate day) {
        LocalDate last = day;
        while (!calendar.isWorkingDay(last)) {
            last = last.plusDays(1);
        }
        return last;
    }

    /** The calendar day (Beijing) an instant falls on. */
    public static LocalDate dayOf(OffsetDateTime instant) {
        return instant.atZoneSameInstant(BEIJING).toLocalDate();
    }

    /** 24:00 of this day in Beijing: the instant a period whose last day it is ends. */
    public static OffsetDateTime endOfDay(LocalDate day) {
        return startOfDay(day.plusDays(1));
    }

    /** 00:00 of this day in Beijing. */
    public static OffsetDateTime startOfDay(LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.MIDNIGHT, BEIJING).toOffsetDateTime();
    }

    /**
     * The last day still inside a deadline: the day before for a deadline at 24:00 (00:00 of the next day), the day
     * itself for one during the day.
     */
    public static LocalDate lastDayOf(OffsetDateTime deadline) {
        ZonedDateTime local = deadline.atZoneSameInstant(BEIJING);
        return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    /**
     * When a reminder "{@code daysLeft} days before the deadline" becomes due: 00:00 (Beijing) of the day from which
     * {@code daysLeft} calendar days, that day included, remain until the deadline. For a deadline at 24:00 on
     * 16 December, 3 days before is 00:00 on 14 December (14, 15 and 16 remain), 1 day before is 00:00 on 16 December.
     */
    public static OffsetDateTime remindFrom(OffsetDateTime deadline, int daysLeft) {
        if (daysLeft < 1) {
            throw new IllegalArgumentException("a reminder comes at least one day before: " + daysLeft);
        }
        return startOfDay(lastDayOf(deadline).minusDays(daysLeft - 1L));
    }
}
