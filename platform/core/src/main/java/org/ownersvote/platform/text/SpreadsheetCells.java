package org.ownersvote.platform.text;

/**
 * Text cells of a CSV or .xlsx file that people will open in a spreadsheet (OWASP "CSV Injection"): a cell that
 * begins with '=', '+', '-', '@' (or their full-width forms), a tab or a carriage return is a formula to Excel and
 * LibreOffice — {@code =HYPERLINK(...)} sends whoever clicks it elsewhere, {@code +cmd|...} ran programs in old
 * versions. Every exported text cell goes through {@link #text}; numbers are written as numbers, not through it.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The cell as it is safe to write: prefixed with an apostrophe when it would start a formula. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return startsFormula(value.charAt(0)) ? "'" + value : value;
    }

    /** One field of a CSV line (RFC 4180): neutralised as {@link #text}, and quoted when it needs quotes. */
    public static String csvField(String value) {
        String safe = text(value == null ? "" : value);
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean startsFormula(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠' -> true;
            default -> false;
        };
    }
}
