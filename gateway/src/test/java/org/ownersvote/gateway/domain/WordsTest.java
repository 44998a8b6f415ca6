package org.ownersvote.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.problem.ProblemTexts;
import org.ownersvote.platform.problem.Text;

/** Waits and roles in words, as the login throttle and the account checks put them into their problems. */
class WordsTest {

    @Test
    void aWaitIsRoundedUpToWholeSecondsMinutesOrHours() {
        assertEquals(Text.of("wait.seconds", 40L), Wait.of(Duration.ofMillis(39_001)).words());
        assertEquals(Text.of("wait.one-minute"), Wait.of(Duration.ofSeconds(60)).words());
        assertEquals(Text.of("wait.minutes", 15L), Wait.of(Duration.ofSeconds(899)).words());
        assertEquals(Text.of("wait.hours", 3L), Wait.of(Duration.ofMinutes(121)).words());
        assertEquals("15分钟", Wait.of(Duration.ofMinutes(15)).in(ProblemTexts.CHINESE));
        assertEquals("15 minutes", Wait.of(Duration.ofMinutes(15)).in(ProblemTexts.ENGLISH));
    }

    @Test
    void rolesAreNamedInWordsInTheOrderOfTheWork() {
        assertEquals("楼长、计票人、总监票人",
                RoleNames.list(List.of("chief-scrutineer", "counter", "building-leader")).in(ProblemTexts.CHINESE));
        assertEquals("counter, scrutineer", RoleNames.list(List.of("scrutineer", "counter")).in(ProblemTexts.ENGLISH));
        assertEquals("“boss”", RoleNames.of("boss").in(ProblemTexts.CHINESE));
    }
}
