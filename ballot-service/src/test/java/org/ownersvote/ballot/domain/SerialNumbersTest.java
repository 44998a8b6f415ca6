package org.ownersvote.ballot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SerialNumbersTest {

    private final UUID election = UUID.fromString("0b5e1c1e-6f7d-4c2a-9a57-3d6c2f1e8b90");

    @Test
    void aSerialIsTheElectionCodeTheSequenceAndALuhnCheckDigit() {
        String serial = SerialNumbers.serial(election, 127);
        // Luhn over 00127 from the right, doubling the first: 7·2 = 14 → 5, 2, 1·2 = 2, 0, 0 → 9; check digit 1
        assertTrue(serial.matches("[2-9A-HJKMNP-Z]{6}-001271"), serial);
        assertTrue(SerialNumbers.wellFormed(serial));
    }

    @Test
    void aMistypedDigitOrSwappedNeighboursAreCaught() {
        String serial = SerialNumbers.serial(election, 4821);
        String wrongDigit = serial.substring(0, 10) + (char) ('0' + (serial.charAt(10) - '0' + 1) % 10)
                + serial.substring(11);
        assertFalse(SerialNumbers.wellFormed(wrongDigit));
        String swapped = serial.substring(0, 8) + serial.charAt(9) + serial.charAt(8) + serial.substring(10);
        assertFalse(swapped.equals(serial));
        assertFalse(SerialNumbers.wellFormed(swapped));
    }

    @Test
    void serialsOfOneElectionAreDistinctAndCodesAvoidAmbiguousCharacters() {
        Set<String> serials = new HashSet<>();
        for (int i = 1; i <= 100_000; i++) {
            serials.add(SerialNumbers.serial(election, i));
        }
        assertEquals(100_000, serials.size());
        assertFalse(SerialNumbers.electionCode(election).matches(".*[01OIL].*"));
    }

    @Test
    void textThatIsNotASerialIsNotWellFormed() {
        assertFalse(SerialNumbers.wellFormed(null));
        assertFalse(SerialNumbers.wellFormed("hello"));
        assertFalse(SerialNumbers.wellFormed("O0I1LL-000011"));
    }
}
