package org.ownersvote.election.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.ownersvote.events.election.ElectionPhase;

/**
 * The phases election-service writes into its events are the ones ballot- and notification-service read them as
 * (events' ElectionPhase): the same names in the same order, so that "only forward" means the same everywhere.
 */
class ElectionPhaseNamesTest {

    @Test
    void everyPhaseIsReadByTheOtherServicesAsTheSamePhase() {
        for (Phase phase : Phase.values()) {
            assertEquals(phase.ordinal(), ElectionPhase.of(phase.name()).ordinal(), phase.name());
        }
        assertEquals(Arrays.stream(ElectionPhase.values()).map(Enum::name).toList(),
                Arrays.stream(Phase.values()).map(Enum::name).toList());
    }
}
