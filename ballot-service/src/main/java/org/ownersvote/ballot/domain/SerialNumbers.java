package org.ownersvote.ballot.domain;

import java.util.UUID;

/**
 * Ballot serials people can read aloud and type: {@code <election code>-<sequence><check digit>}, e.g.
 * {@code K7Q2MX-000127}. The election code is six characters derived from the election id; the sequence numbers
 * the election's ballots from 1 (five digits, more when needed); the last digit is a Luhn check digit over the
 * sequence, so a mistyped digit is caught before anything is looked up.
 */
public final class SerialNumbers {

    /** No 0/O, 1/I/L: characters that are not confused when read from paper. */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private SerialNumbers() {
    }

    public static String electionCode(UUID electionId) {
        long bits = electionId.getMostSignificantBits() ^ electionId.getLeastSignificantBits();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET.charAt((int) Long.remainderUnsigned(bits, ALPHABET.length())));
            bits = Long.divideUnsigned(bits, ALPHABET.length());
        }
        return code.toString();
    }

    public static String serial(UUID electionId, int sequence) {
        String digits = String.format("%05d", sequence);
        return electionCode(electionId) + "-" + digits + luhn(digits);
    }

    /** Whether the text has the form of a serial and its check digit is right. */
    public static boolean wellFormed(String serial) {
        if (serial == null || !serial.matches("[" + ALPHABET + "]{6}-\\d{6,}")) {
            return false;
        }
        String number = serial.substring(7);
        return luhn(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1) - '0';
    }

    static int luhn(String digits) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
