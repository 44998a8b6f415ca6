package org.ownersvote.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a module's problem texts (problems.properties and problems_zh.properties, read by the platform's
 * ProblemTexts): both languages have the same keys with the same placeholders and no empty text, and every key the
 * module's code names (Text.of("key", …), {@code message = "field.key"}) is in its bundles or the platform's. A
 * problem that would reach a person as a raw key, or in English inside a Chinese screen, fails the build here.
 */
public final class ProblemBundleCheck {

    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:Text\\.of\\(|message = |NOT_FOUND_THING = )\"([a-z][a-zA-Z0-9-]*\\.[a-zA-Z0-9.-]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private ProblemBundleCheck() {
    }

    /** What is wrong with the module's texts; empty when nothing is. */
    public static List<String> problems(Path moduleDir) throws IOException {
        List<String> found = new ArrayList<>();
        Properties english = file(moduleDir.resolve("src/main/resources/problems.properties"));
        Properties chinese = file(moduleDir.resolve("src/main/resources/problems_zh.properties"));
        Properties platformEnglish = resource("platform-problems.properties");
        Properties platformChinese = resource("platform-problems_zh.properties");
        compare("problems", english, chinese, found);
        compare("platform-problems", platformEnglish, platformChinese, found);
        Path sources = moduleDir.resolve("src/main/java");
        if (Files.isDirectory(sources)) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                    while (m.find()) {
                        String key = m.group(1);
                        if (!english.containsKey(key) && !platformEnglish.containsKey(key)) {
                            found.add(moduleDir.relativize(file) + " names " + key + ", which no bundle has");
                        }
                    }
                }
            }
        }
        return found;
    }

    private static void compare(String name, Properties english, Properties chinese, List<String> found) {
        Set<String> keys = new TreeSet<>(english.stringPropertyNames());
        keys.addAll(chinese.stringPropertyNames());
        for (String key : keys) {
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key);
            if (en == null || zh == null) {
                found.add(name + ": " + key + " has no " + (en == null ? "English" : "Chinese") + " text");
            } else if (en.isBlank() || zh.isBlank()) {
                found.add(name + ": " + key + " is empty");
            } else if (!placeholders(en).equals(placeholders(zh))) {
                found.add(name + ": " + key + " has placeholders " + placeholders(en) + " in English but "
                        + placeholders(zh) + " in Chinese");
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties file(Path path) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(path)) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    private static Properties resource(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the class path");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
