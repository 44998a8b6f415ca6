package org.ownersvote.platform.time;

import java.util.SortedSet;

/**
 * A period would end in a year whose State Council holiday notice is not loaded: its end cannot be known, so it is
 * not guessed. The operator adds the year (docs/rules/periods.md).
 */
public class MissingHolidayCalendarException extends RuntimeException {

    private final int year;

    public MissingHolidayCalendarException(int year, SortedSet<Integer> loaded) {
        super("no holiday calendar for " + year + " is loaded (loaded: " + loaded + "); add the State Council's notice "
                + "for " + year + " (ownersvote.holidays.files, see docs/rules/periods.md)");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
