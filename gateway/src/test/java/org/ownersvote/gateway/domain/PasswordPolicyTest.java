package org.ownersvote.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongPasswordWithLettersAndDigits() {
        assertEquals(List.of(), PasswordPolicy.violations("zhenru2026jiayuan", "wang"));
    }

    @Test
    void refusesShortPasswords() {
        assertEquals(List.of("must be at least 10 characters"), PasswordPolicy.violations("abc123", "wang"));
    }

    @Test
    void refusesPasswordsWithoutDigits() {
        assertEquals(List.of("must contain letters and digits"), PasswordPolicy.violations("onlyletters-here", "wang"));
    }

    @Test
    void refusesPasswordsContainingTheUsername() {
        assertEquals(List.of("must not contain the username"), PasswordPolicy.violations("Wang12345678", "wang"));
    }
}
