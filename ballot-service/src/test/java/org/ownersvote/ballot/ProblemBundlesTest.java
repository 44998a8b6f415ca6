package org.ownersvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.testing.ProblemBundleCheck;

/**
 * Every problem text ballot-service names is in its bundles, in English and in Chinese, with the same placeholders:
 * no caller sees a raw key, nor English inside a Chinese screen.
 */
class ProblemBundlesTest {

    @Test
    void bothLanguagesHaveEveryKeyTheCodeNames() throws Exception {
        assertEquals(List.of(), ProblemBundleCheck.problems(Path.of("")));
    }
}
