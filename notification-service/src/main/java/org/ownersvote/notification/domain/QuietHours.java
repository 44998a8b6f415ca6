package org.ownersvote.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours in which owners are not to be disturbed (by default 21:00 to 08:00 Beijing time). A window may cross
 * midnight; a window whose start equals its end is no window at all.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public boolean isQuiet(Instant at) {
        if (start.equals(end)) {
            return false;
        }
        LocalTime local = at.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /** {@code at} itself outside the window, else the moment the window ends. */
    public Instant earliestSend(Instant at) {
        if (!isQuiet(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(zone);
        return (endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant();
    }
}
