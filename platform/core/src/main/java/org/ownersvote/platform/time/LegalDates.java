package org.ownersvote.platform.time;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How deadlines are shown to people — notices, printed ballots, messages — as the law states them: the end of a
 * period is 24:00 of its last day, Beijing time ({@code 2026年12月16日24时}; {@code 24:00 on 16 December 2026, Beijing
 * time}), never 00:00 of the day after. A deadline that is not at a day's end (a drill's) is shown with its hour and
 * minute.
 */
public final class LegalDates {

    private static final DateTimeFormatter ZH_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private LegalDates() {
    }

    /** A deadline in Chinese ("zh") or English (any other language); empty for none. */
    public static String deadline(OffsetDateTime deadline, String language) {
        if (deadline == null) {
            return "";
        }
        boolean zh = "zh".equals(language);
        ZonedDateTime local = deadline.atZoneSameInstant(Periods.BEIJING);
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            LocalDate last = local.toLocalDate().minusDays(1);
            return zh ? ZH_DAY.format(last) + "24时" : "24:00 on " + EN_DAY.format(last) + ", Beijing time";
        }
        return zh
                ? ZH_DAY.format(local) + local.getHour() + "时" + (local.getMinute() == 0 ? "" : local.getMinute() + "分")
                : String.format(Locale.ROOT, "%02d:%02d on %s, Beijing time", local.getHour(), local.getMinute(),
                        EN_DAY.format(local));
    }
}
