package org.ownersvote.election;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.ownersvote.election.service.ElectionClock;

import io.quarkus.test.Mock;

/** The election clock of the tests: real time plus an offset a test can move forward by days. */
@Mock
@ApplicationScoped
public class TestElectionClock extends ElectionClock {

    private static volatile Duration offset = Duration.ZERO;

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public OffsetDateTime now() {
        return super.now().plus(offset);
    }
}
