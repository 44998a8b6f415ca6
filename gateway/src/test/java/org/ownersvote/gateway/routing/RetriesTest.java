package org.ownersvote.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetriesTest {

    @Test
    void readsAreRepeatedWithOrWithoutAKey() {
        assertTrue(Retries.mayRetry("GET", false));
        assertTrue(Retries.mayRetry("HEAD", false));
    }

    @Test
    void writesAreRepeatedOnlyWithAKey() {
        for (String write : new String[] { "POST", "PUT", "PATCH", "DELETE" }) {
            assertFalse(Retries.mayRetry(write, false), write);
            assertTrue(Retries.mayRetry(write, true), write);
        }
    }
}
