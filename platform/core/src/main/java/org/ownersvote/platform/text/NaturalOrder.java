package org.ownersvote.platform.text;

import java.util.Comparator;
import java.util.function.Function;

/**
 * The order in which buildings and units are listed and printed everywhere: runs of digits compare as numbers
 * ({@code 1号楼} before {@code 2号楼} before {@code 10号楼}; unit {@code 101} before {@code 1001}), everything else by
 * the {@link IdentityText#normalise normal form}'s code points. Texts equal but for leading zeros ({@code 01},
 * {@code 1}) are ordered by their normal forms, so the order is total and stable.
 *
 * <p>Lists that are paged in SQL use the database function {@code natural_key(text)}
 * ({@code db/platform/R__natural_key.sql}), which builds the same {@link #key key} as bytes: ordering by it is this
 * order ({@code NaturalOrderSqlTest} in notification-service holds the two together).
 */
public final class NaturalOrder implements Comparator<String> {

    /** The order; {@code null} sorts first. */
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    /** Units by building, then unit, both in natural order. */
    public static <T> Comparator<T> byBuildingAndUnit(Function<? super T, String> building,
            Function<? super T, String> unit) {
        Comparator<T> byBuilding = Comparator.comparing(building, INSTANCE);
        return byBuilding.thenComparing(Comparator.comparing(unit, INSTANCE));
    }

    @Override
    public int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        String na = IdentityText.normalise(a);
        String nb = IdentityText.normalise(b);
        int byKey = compareCodePoints(key(na), key(nb));
        return byKey != 0 ? byKey : compareCodePoints(na, nb);
    }

    /**
     * The sort key of a text already in normal form: each run of ASCII digits becomes its length without leading
     * zeros as four digits followed by those digits ({@code 10} → {@code 000210}), every other character stays. A
     * longer number has a longer length, so it sorts after a shorter one; numbers of one length sort digit by digit.
     * A digit run's key starts with a digit, as the run did, so a number sorts against other characters as its first
     * digit would.
     */
    public static String key(String normal) {
        StringBuilder key = new StringBuilder(normal.length() + 8);
        int i = 0;
        while (i < normal.length()) {
            char c = normal.charAt(i);
            if (c < '0' || c > '9') {
                key.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < normal.length() && normal.charAt(end) >= '0' && normal.charAt(end) <= '9') {
                end++;
            }
            int start = i;
            while (start < end - 1 && normal.charAt(start) == '0') {
                start++;
            }
            if (normal.charAt(start) == '0') {
                start = end; // all zeros: the number zero, no digits
            }
            String length = Integer.toString(end - start);
            key.append("0000", length.length(), 4).append(length).append(normal, start, end);
            i = end;
        }
        return key.toString();
    }

    /** Code point order (UTF-8 byte order), not UTF-16 unit order: the order PostgreSQL's bytea comparison gives. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
