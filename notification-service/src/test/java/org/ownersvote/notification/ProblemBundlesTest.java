package org.ownersvote.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.testing.ProblemBundleCheck;

/**
 * Every problem text notification-service names is in its bundles, in English and in Chinese, with the same
 * placeholders.
 */
class ProblemBundlesTest {

    @Test
    void everyProblemTextIsThereInBothLanguages() throws Exception {
        assertEquals(List.of(), ProblemBundleCheck.problems(Path.of("")));
    }
}
