package org.ownersvote.ballot.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VerificationCodesTest {

    static final byte[] SECRET = "a-test-secret-of-enough-length-123".getBytes(StandardCharsets.UTF_8);

    @Test
    void codesAreEightUnambiguousCharactersInTwoGroups() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = VerificationCodes.generate();
            assertTrue(code.matches("[" + SerialNumbers.ALPHABET + "]{4}-[" + SerialNumbers.ALPHABET + "]{4}"), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 990, "random, not repeating: " + seen.size());
    }

    @Test
    void theCodeMatchesAsTypedInLowerCaseOrWithoutTheHyphenAndOnlyForItsSerial() {
        String hash = VerificationCodes.hash(SECRET, "K7Q2MX-000127", "AB3D-EF4G");
        assertTrue(VerificationCodes.matches(SECRET, "K7Q2MX-000127", "ab3d ef4g", hash));
        assertTrue(VerificationCodes.matches(SECRET, "K7Q2MX-000127", "AB3DEF4G", hash));
        assertFalse(VerificationCodes.matches(SECRET, "K7Q2MX-000135", "AB3D-EF4G", hash));
        assertFalse(VerificationCodes.matches(SECRET, "K7Q2MX-000127", "AB3D-EF4H", hash));
        assertFalse(VerificationCodes.matches(SECRET, "K7Q2MX-000127", "AB3D-EF4G", null));
    }

    @Test
    void theStoredHashNeedsTheServerSecret() {
        byte[] other = "another-secret-of-enough-length-456".getBytes(StandardCharsets.UTF_8);
        assertNotEquals(VerificationCodes.hash(SECRET, "K7Q2MX-000127", "AB3D-EF4G"),
                VerificationCodes.hash(other, "K7Q2MX-000127", "AB3D-EF4G"));
    }
}
