package org.ownersvote.ballot.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The verification code printed on a ballot's stub: eight characters from the unambiguous alphabet of serials
 * (about 40 bits), shown as {@code XXXX-XXXX}. Only a keyed hash (HMAC-SHA256 with a server secret, over serial and
 * code) is stored: a copy of the database alone does not let anyone try codes offline, and the lockout stops
 * guessing online.
 */
public final class VerificationCodes {

    static final int LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {
    }

    /** A fresh random code, as printed: {@code XXXX-XXXX}. */
    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(SerialNumbers.ALPHABET.charAt(RANDOM.nextInt(SerialNumbers.ALPHABET.length())));
        }
        return code.toString();
    }

    /** What an owner typed, in the form that is hashed: upper case, without spaces and hyphens. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    public static String hash(byte[] secret, String serial, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((serial + ":" + normalise(code)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Compares in constant time, so response times reveal nothing about how much of a code was right. */
    public static boolean matches(byte[] secret, String serial, String typed, String storedHash) {
        if (storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret, serial, typed).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
