package org.ownersvote.election;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.testing.ProblemBundleCheck;

/** election-service's problem texts exist in English and Chinese, with the same placeholders, for every key used. */
class ProblemBundlesTest {

    /** A roster row's message is named by its key where the row error is made: error(raw, "column", "key", …). */
    private static final Pattern ROW_ERROR_KEY = Pattern.compile("error\\(raw, \"[a-z_0-9]+\", \"([a-z0-9.-]+)\"");

    @Test
    void theBundlesAreComplete() throws IOException {
        assertEquals(List.of(), ProblemBundleCheck.problems(Path.of("")));
    }

    @Test
    void everyRowErrorKeyIsInTheBundle() throws IOException {
        Properties english = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("src/main/resources/problems.properties"))) {
            english.load(reader);
        }
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = ROW_ERROR_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    found++;
                    if (!english.containsKey(m.group(1))) {
                        missing.add(file.getFileName() + " names " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
        assertEquals(true, found > 15, "the row errors are found (" + found + ")");
    }
}
