package org.ownersvote.election.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class PersonKeysTest {

    @Test
    void onePersonHasOneKeyWithinAnElection() {
        UUID election = UUID.randomUUID();
        String key = PersonKeys.of(election, "P0000004");
        assertEquals(key, PersonKeys.of(election, "P0000004"));
        assertNotEquals(key, PersonKeys.of(election, "P0000005"), "another person, another key");
        assertTrue(key.matches("[0-9a-f]{32}"), "16 bytes of SHA-256, in hex: " + key);
    }

    @Test
    void keysOfTwoElectionsDiffer() {
        // the same owner in two elections of one community: the ledgers must not show that it is one person
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        assertNotEquals(PersonKeys.of(first, "P0000004"), PersonKeys.of(second, "P0000004"));
        assertNotEquals(PersonKeys.of(first, RosterUnit.DEVELOPER), PersonKeys.of(second, RosterUnit.DEVELOPER));
    }
}
