package org.ownersvote.ballot.domain;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * How long one source must wait before it may try another verification code for one ballot. Wrong codes are counted
 * per ballot <em>and</em> per source (the client address the gateway saw, or the owner's own session when voting),
 * so that a stranger who types wrong codes slows down only himself: the owner, trying from elsewhere, is never
 * locked out. There is no hard lock: the first {@link #FREE_FAILURES} wrong codes cost nothing, each further one
 * doubles the wait from {@link #FIRST_DELAY} up to {@link #MAX_DELAY}; a source that stays quiet for
 * {@link #FORGET_AFTER} starts afresh, and a right code clears its count.
 * <p>
 * Guessing stays infeasible: a code is 8 characters of a 31-letter alphabet, 31^8 ≈ 8.5 × 10^11 codes. One source
 * gets at most about 60 tries a day for one ballot (5 free, 6 doubling waits of 31.5 minutes in all, then one
 * every 30 minutes); the gateway separately allows an address 20 failed owner sign-ins per 15 minutes across all ballots
 * (then 15 minutes' lock: at most 960 a day). Even 10,000 addresses trying 960 codes a day for a year guess one of
 * a 5,000-unit election's codes with probability about 3.5 × 10^9 / 8.5 × 10^11 ≈ 0.4 %, and every wrong code is
 * audited, so such an attempt is seen long before. Pure: the caller stores the state.
 *
 * @param failures      wrong codes from this source for this ballot since it was last quiet or right
 * @param lastFailure   when the last of them was typed; null when there is none
 * @param nextAllowedAt the earliest instant of the next try; null when there is no wait
 */
public record CodeDelay(int failures, OffsetDateTime lastFailure, OffsetDateTime nextAllowedAt) {

    public static final int FREE_FAILURES = 5;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    public static final Duration MAX_DELAY = Duration.ofMinutes(30);
    public static final Duration FORGET_AFTER = Duration.ofHours(24);

    public static CodeDelay none() {
        return new CodeDelay(0, null, null);
    }

    /** How long this source must still wait at {@code now}; zero when it may try. */
    public Duration waitAt(OffsetDateTime now) {
        if (nextAllowedAt == null || !now.isBefore(nextAllowedAt)) {
            return Duration.ZERO;
        }
        return Duration.between(now, nextAllowedAt);
    }

    /** The state after a wrong code at {@code now}. */
    public CodeDelay afterFailure(OffsetDateTime now) {
        boolean remembered = lastFailure != null && now.isBefore(lastFailure.plus(FORGET_AFTER));
        int count = remembered ? failures + 1 : 1;
        if (count <= FREE_FAILURES) {
            return new CodeDelay(count, now, null);
        }
        return new CodeDelay(count, now, now.plus(delayAfter(count)));
    }

    /** The wait after the {@code count}-th wrong code: 30 s, 60 s, 2 min, … at most 30 min. */
    static Duration delayAfter(int count) {
        int doublings = Math.min(count - FREE_FAILURES - 1, 16);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
