package org.ownersvote.election;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.ownersvote.election.service.ElectionClock;

import io.quarkus.test.Mock;

/**
 * The election clock of the tests: real time plus an offset a test can move forward by days, or a time a test sets and
 * that stands still until it is set again (to judge a guard to the minute).
 */
@Mock
@ApplicationScoped
public class TestElectionClock extends ElectionClock {

    private static volatile Duration offset = Duration.ZERO;
    private static volatile OffsetDateTime fixed;

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** From now on the clock reads this time (in UTC, as the server's clock does). */
    public static void setTo(OffsetDateTime time) {
        fixed = time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    public static void reset() {
        offset = Duration.ZERO;
        fixed = null;
    }

    @Override
    public OffsetDateTime now() {
        OffsetDateTime at = fixed;
        return (at != null ? at : super.now()).plus(offset);
    }
}
