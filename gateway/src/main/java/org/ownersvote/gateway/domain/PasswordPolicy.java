package org.ownersvote.gateway.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ownersvote.platform.problem.Text;

/** The minimum strength of a staff password. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** What is wrong with the password, in the caller's words later; empty when it is strong enough. */
    public static List<Text> violations(String password, String username) {
        List<Text> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add(Text.of("password.too-short", MIN_LENGTH));
            return problems;
        }
        if (password.length() > MAX_LENGTH) {
            problems.add(Text.of("password.too-long", MAX_LENGTH));
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            problems.add(Text.of("password.letters-and-digits"));
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(Text.of("password.contains-username"));
        }
        return problems;
    }
}
