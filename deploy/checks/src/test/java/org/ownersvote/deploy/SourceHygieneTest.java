package org.ownersvote.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What the formatter (formatter-maven-plugin and impsort-maven-plugin, checked in every module's build) does not
 * see: a merge's conflict markers left in any file of the repository, and a class named by its full name in the
 * middle of Java code instead of imported.
 */
class SourceHygieneTest {

    /** A line that is only a conflict marker, as git writes them. */
    private static final Pattern CONFLICT = Pattern.compile("(?m)^(<{7} |={7}$|>{7} )");

    /** A package-qualified class name (java.util.UUID, org.ownersvote.x.Y) in code. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.\"])(?:java|javax|jakarta|org|com|io)(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");

    @Test
    void noFileCarriesConflictMarkers() throws IOException, InterruptedException {
        List<String> found = new ArrayList<>();
        int read = 0;
        for (String name : Deploy.run(Deploy.ROOT, "git", "ls-files").split("\n")) {
            Path file = Deploy.ROOT.resolve(name);
            if (name.isBlank() || !Files.isRegularFile(file) || Files.size(file) > 2_000_000) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            read++;
            Matcher m = CONFLICT.matcher(new String(bytes, StandardCharsets.UTF_8));
            if (m.find()) {
                found.add(name);
            }
        }
        assertTrue(read > 200, "read only " + read + " files: is ownersvote.root the repository?");
        assertEquals(List.of(), found, "conflict markers left by a merge");
    }

    @Test
    void javaCodeImportsTheClassesItUses() throws IOException, InterruptedException {
        List<String> found = new ArrayList<>();
        for (String name : Deploy.run(Deploy.ROOT, "git", "ls-files", "*.java").split("\n")) {
            if (!name.contains("/src/main/")) {
                continue;
            }
            List<String> lines = Files.readAllLines(Deploy.ROOT.resolve(name));
            for (int i = 0; i < lines.size(); i++) {
                String code = codeOf(lines.get(i));
                if (QUALIFIED.matcher(code).find()) {
                    found.add(name + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), found, "import these classes instead of naming them in full");
    }

    /** The line without its string literals and comments; package and import lines count as none. */
    static String codeOf(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("package ") || trimmed.startsWith("import ") || trimmed.startsWith("*")
                || trimmed.startsWith("/*") || trimmed.startsWith("//")) {
            return "";
        }
        String withoutStrings = line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        int comment = withoutStrings.indexOf("//");
        return comment < 0 ? withoutStrings : withoutStrings.substring(0, comment);
    }
}
