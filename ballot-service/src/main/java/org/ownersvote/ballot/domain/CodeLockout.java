package org.ownersvote.ballot.domain;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Five wrong verification codes for one serial within fifteen minutes lock that serial for fifteen minutes
 * (issue 5). The window starts at the first wrong code; a right code clears it. Pure: the caller stores the state.
 *
 * @param failures      wrong codes in the current window
 * @param windowStart   when the first of them was typed; null when there is none
 * @param lockedUntil   the end of the current lock; null when not locked
 */
public record CodeLockout(int failures, OffsetDateTime windowStart, OffsetDateTime lockedUntil) {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);

    public static CodeLockout none() {
        return new CodeLockout(0, null, null);
    }

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** The state after a wrong code at {@code now}; the fifth within the window locks. */
    public CodeLockout afterFailure(OffsetDateTime now) {
        boolean windowOpen = windowStart != null && now.isBefore(windowStart.plus(WINDOW));
        int count = windowOpen ? failures + 1 : 1;
        OffsetDateTime start = windowOpen ? windowStart : now;
        if (count >= MAX_FAILURES) {
            return new CodeLockout(0, null, now.plus(LOCK));
        }
        return new CodeLockout(count, start, null);
    }

    /** A right code clears the count of wrong ones. */
    public CodeLockout afterSuccess() {
        return none();
    }
}
