package org.ownersvote.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Text that identifies something — a building, a unit, an owner's name or key — written once, the same way
 * everywhere: what is stored ({@link #normalise}), what counts as "the same" ({@link #skeleton}) and what cannot be
 * accepted at all ({@link #problem}). A roster in which {@code 101} and {@code 101\u200B} (a zero-width space) or
 * {@code １０１} (full-width digits) are two units counts one home twice; these methods are how every service tells
 * that they are one.
 */
public final class IdentityText {

    private IdentityText() {
    }

    /**
     * The form to store and show: Unicode NFKC (full-width letters and digits, compatibility ideographs and the
     * ideographic space become their plain forms), invisible characters removed (zero-width spaces and joiners,
     * the soft hyphen, the byte-order mark, word joiners, direction marks, embeddings, overrides and isolates,
     * every other format character, Hangul fillers), control characters removed (tab, line breaks and the other
     * separators count as white space), white space trimmed and each run of it inside made one space.
     *
     * @return {@code null} for {@code null}
     */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        // invisible characters first: one between a letter and its combining mark would keep NFKC from composing
        String visible = clean(text, false);
        return clean(Normalizer.normalize(visible, Normalizer.Form.NFKC), true);
    }

    /**
     * The key by which two texts "look alike": the normal form without any white space, case-folded, with the
     * hyphen and dash variants as '-', the middle-dot variants as '·', digits of every script as ASCII digits,
     * variation selectors dropped, and the Cyrillic and Greek letters that look like Latin ones as those. Two texts
     * with the same skeleton must not name two different things.
     *
     * @return {@code null} for {@code null}
     */
    public static String skeleton(String text) {
        if (text == null) {
            return null;
        }
        String folded = normalise(text).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> {
            if (cp == ' ' || variationSelector(cp)) {
                return;
            }
            int digit = Character.isDigit(cp) ? Character.digit(cp, 10) : -1;
            if (digit >= 0) {
                out.append((char) ('0' + digit));
            } else if (dash(cp)) {
                out.append('-');
            } else if (middleDot(cp)) {
                out.append('\u00B7');
            } else {
                out.appendCodePoint(latinLookAlike(cp));
            }
        });
        return out.toString();
    }

    /**
     * Why the text cannot be accepted at all, in words for the person who sent it, or empty when it can: a NUL or
     * another control character (tab and line breaks are white space and allowed), a text-direction embedding,
     * override or isolate (they make a name read differently from what it is), or a broken character (an unpaired
     * surrogate). Callers answer 422 and store nothing.
     */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int position = 0;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            position++;
            String where = " (character " + position + ")";
            if (cp == 0) {
                return Optional.of("contains a NUL character (U+0000)" + where + ", which text may not hold");
            }
            if (Character.getType(cp) == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r') {
                return Optional.of("contains the control character " + codePoint(cp) + where);
            }
            if (directionControl(cp)) {
                return Optional.of("contains the text-direction control " + codePoint(cp) + where
                        + ", which makes it display differently from what it is");
            }
            if (Character.getType(cp) == Character.SURROGATE) {
                return Optional.of("contains a broken character (" + codePoint(cp) + ", half of a pair)" + where);
            }
        }
        return Optional.empty();
    }

    /** Whether two texts look alike: equal {@link #skeleton}s. */
    public static boolean looksAlike(String a, String b) {
        return a != null && b != null && skeleton(a).equals(skeleton(b));
    }

    private static String clean(String text, boolean collapse) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (whiteSpace(cp)) {
                if (collapse) {
                    pendingSpace = out.length() > 0;
                } else {
                    out.appendCodePoint(cp);
                }
            } else if (!invisible(cp) && Character.getType(cp) != Character.CONTROL) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static boolean whiteSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /**
     * Characters that show nothing: every format character (Cf: U+200B–U+200F, U+202A–U+202E, U+2060–U+2064,
     * U+2066–U+2069, U+FEFF, U+00AD, U+180E, U+061C and more), the combining grapheme joiner and the Hangul fillers.
     */
    private static boolean invisible(int cp) {
        return Character.getType(cp) == Character.FORMAT || cp == 0x034F || cp == 0x115F || cp == 0x1160
                || cp == 0x3164 || cp == 0xFFA0 || cp == 0x180E || cp == 0x00AD;
    }

    private static boolean directionControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static boolean variationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0x180B && cp <= 0x180D)
                || cp == 0x180F;
    }

    private static boolean dash(int cp) {
        return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0x2043 || cp == 0xFE58
                || cp == 0xFE63 || cp == 0xFF0D || cp == 0x2E3A || cp == 0x2E3B || cp == 0x058A || cp == 0x1806
                || cp == 0x2E17 || cp == 0x301C || cp == 0x30A0;
    }

    private static boolean middleDot(int cp) {
        return cp == 0x00B7 || cp == 0x0387 || cp == 0x2022 || cp == 0x2027 || cp == 0x2219 || cp == 0x22C5
                || cp == 0x30FB || cp == 0xFF65 || cp == 0x16EB || cp == 0x318D;
    }

    /** Lower-case Cyrillic and Greek letters whose capitals look like Latin capitals, as those (after folding). */
    private static int latinLookAlike(int cp) {
        return switch (cp) {
            case 'а', 'α' -> 'a';
            case 'в', 'β' -> 'b';
            case 'с', 'ϲ' -> 'c';
            case 'ԁ' -> 'd';
            case 'е', 'ε' -> 'e';
            case 'н', 'η' -> 'h';
            case 'і', 'ι' -> 'i';
            case 'ј' -> 'j';
            case 'к', 'κ' -> 'k';
            case 'ӏ' -> 'l';
            case 'м', 'μ' -> 'm';
            case 'ν' -> 'n';
            case 'о', 'ο' -> 'o';
            case 'р', 'ρ' -> 'p';
            case 'ѕ' -> 's';
            case 'т', 'τ' -> 't';
            case 'у', 'υ' -> 'y';
            case 'х', 'χ' -> 'x';
            case 'ζ' -> 'z';
            default -> cp;
        };
    }

    private static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
