package org.ownersvote.election.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A community's short code, the public address /c/&lt;code&gt; on a notice-board poster: six characters read aloud
 * and typed on a phone without mistakes, so no 0/O, 1/I/L and no lower case (31 characters, 887 million codes).
 */
public final class ShortCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 6;

    private static final RandomGenerator RANDOM = new SecureRandom();

    private ShortCodes() {
    }

    public static String next() {
        return next(RANDOM);
    }

    static String next(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as typed: spaces dropped, any case; empty when it cannot be a code. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        if (code.length() < 4 || code.length() > 12 || !code.chars().allMatch(c -> c < 128
                && Character.isLetterOrDigit(c))) {
            return Optional.empty();
        }
        return Optional.of(code);
    }
}
