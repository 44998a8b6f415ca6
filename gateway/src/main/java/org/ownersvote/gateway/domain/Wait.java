package org.ownersvote.gateway.domain;

import java.time.Duration;
import java.util.Locale;

import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.problem.Wording;

/**
 * How long someone must wait, in words a person reads at a glance ("15 分钟", "15 minutes", "40 秒"), rounded up so
 * that whoever waits that long is let in: seconds under a minute, minutes under two hours, hours beyond.
 */
public record Wait(Duration length) implements Wording {

    public static Wait of(Duration length) {
        return new Wait(length);
    }

    @Override
    public String in(Locale language) {
        return words().in(language);
    }

    Text words() {
        long seconds = Math.max(1, (length.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds == 1 ? Text.of("wait.one-second") : Text.of("wait.seconds", seconds);
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return minutes == 1 ? Text.of("wait.one-minute") : Text.of("wait.minutes", minutes);
        }
        return Text.of("wait.hours", (minutes + 59) / 60);
    }
}
