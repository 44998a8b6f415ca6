package org.ownersvote.platform.problem;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The words of every problem detail, in English and Chinese, from message bundles: a service's own
 * {@code problems.properties} / {@code problems_zh.properties} first, then the platform's
 * {@code platform-problems*.properties} for what every service says (not found, forbidden, malformed JSON, …).
 *
 * <p>The language is the request's Accept-Language: Chinese when Chinese is preferred to English, English otherwise.
 * Placeholders are {0}, {1}, … and nothing else (no MessageFormat: an apostrophe in a text stays an apostrophe).
 */
public final class ProblemTexts {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.CHINESE;

    static final String SERVICE_BUNDLE = "problems";
    static final String PLATFORM_BUNDLE = "platform-problems";

    private static final ConcurrentHashMap<Locale, List<ResourceBundle>> BUNDLES = new ConcurrentHashMap<>();

    private ProblemTexts() {
    }

    /** Chinese when the header prefers any zh (zh, zh-CN, zh-Hans, …) to English; English otherwise. */
    public static Locale language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() <= 0) {
                    continue;
                }
                if (tag.equals("zh") || tag.startsWith("zh-")) {
                    return CHINESE;
                }
                if (tag.equals("en") || tag.startsWith("en-")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        return ENGLISH;
    }

    /**
     * The text in the language; values that are Texts themselves (a thing's name, a field's message) are rendered in
     * it too. A key no bundle knows is shown as itself (each service's bundle test keeps that from happening).
     */
    public static String render(Text text, Locale language) {
        String template = template(text.key(), language);
        List<Object> args = text.args().stream()
                .map(a -> a instanceof Wording words ? words.in(language) : a).toList();
        return fill(template == null ? text.key() : template, args);
    }

    /** A problem's title: the bundles' "title.&lt;slug&gt;" if there is one, else the status's "status.&lt;code&gt;". */
    public static String title(int status, String slug, Locale language) {
        String own = template("title." + slug, language);
        if (own != null) {
            return own;
        }
        String general = template("status." + status, language);
        return general != null ? general : String.valueOf(status);
    }

    /** The template for a key, or null. */
    public static String template(String key, Locale language) {
        for (ResourceBundle bundle : bundles(language)) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    static String fill(String template, List<Object> args) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1 && template.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(template.substring(i + 1, close));
                out.append(index < args.size() ? String.valueOf(args.get(index)) : template.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static List<ResourceBundle> bundles(Locale language) {
        return BUNDLES.computeIfAbsent(language, l -> Stream.of(SERVICE_BUNDLE, PLATFORM_BUNDLE)
                .map(name -> load(name, l)).filter(Objects::nonNull).toList());
    }

    private static ResourceBundle load(String name, Locale language) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ProblemTexts.class.getClassLoader();
        }
        try {
            // properties files are read as UTF-8 (Java 9+); no fallback to the JVM's default locale
            return ResourceBundle.getBundle(name, language, loader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException none) {
            return null;
        }
    }
}
