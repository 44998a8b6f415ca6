package org.ownersvote.platform.text;

/**
 * Patterns for free text people type (names of recipients, reasons, notes), for {@code @Pattern} on request fields:
 * no control characters (a NUL byte is refused by PostgreSQL and would end as a 500) and no invisible format
 * characters (zero-width spaces, soft hyphens, bidi overrides that make a printed name read otherwise).
 */
public final class TextRules {

    /** One line: no control or format characters at all. */
    public static final String LINE = "[^\\p{Cc}\\p{Cf}]*";

    /** A note: as {@link #LINE}, but line breaks and tabs are allowed. */
    public static final String NOTE = "(?:[^\\p{Cc}\\p{Cf}]|[\\n\\r\\t])*";

    public static final String LINE_MESSAGE = "field.control-characters";

    public static final String NOTE_MESSAGE = "field.control-characters-in-note";

    private TextRules() {
    }
}
