package org.ownersvote.platform.problem;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A moment in a message, in Beijing time as people in the community read it: "2026年12月14日 18:05（北京时间）" or
 * "18:05 on 14 December 2026, Beijing time" — never a UTC timestamp. Midnight that ends a day reads as 24:00 of that
 * day, as the law counts periods.
 */
public record When(Instant at) implements Wording {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public static When of(Instant at) {
        return new When(at);
    }

    @Override
    public String in(Locale language) {
        if (at == null) {
            return "—";
        }
        ZonedDateTime t = at.atZone(BEIJING);
        int hour = t.getHour();
        if (hour == 0 && t.getMinute() == 0 && t.getSecond() == 0) {
            t = t.minusDays(1);
            hour = 24;
        }
        String time = String.format("%02d:%02d", hour, t.getMinute());
        if (language == ProblemTexts.CHINESE) {
            return t.getYear() + "年" + t.getMonthValue() + "月" + t.getDayOfMonth() + "日 " + time + "（北京时间）";
        }
        return time + " on " + t.getDayOfMonth() + " "
                + t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + t.getYear()
                + ", Beijing time";
    }
}
