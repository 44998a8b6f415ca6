package org.ownersvote.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.problem.Text;

class PasswordPolicyTest {

    @Test
    void acceptsALongPasswordWithLettersAndDigits() {
        assertEquals(List.of(), PasswordPolicy.violations("zhenru2026jiayuan", "wang"));
    }

    @Test
    void refusesShortPasswords() {
        assertEquals(List.of(Text.of("password.too-short", 10)), PasswordPolicy.violations("abc123", "wang"));
    }

    @Test
    void refusesPasswordsWithoutDigits() {
        assertEquals(List.of(Text.of("password.letters-and-digits")),
                PasswordPolicy.violations("onlyletters-here", "wang"));
    }

    @Test
    void refusesPasswordsContainingTheUsername() {
        assertEquals(List.of(Text.of("password.contains-username")), PasswordPolicy.violations("Wang12345678", "wang"));
    }
}
