package org.ownersvote.election.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.problem.Wording;
import org.ownersvote.platform.text.IdentityText;

/**
 * Checks an uploaded roster row by row (format: UTF-8 CSV or .xlsx with the columns below). A roster is imported
 * only if every row is valid, so every problem of every row is collected, each with the spreadsheet row number and
 * the column, in words a working group can act on: each message begins with where the problem is ("第 12 行 专有部分面积：
 * 必须大于 0"; for an amended unit, which has no row, just the column's name) and its key is the error's stable code.
 */
public final class RosterValidator {

    public static final List<String> COLUMNS = List.of("building", "unit", "kind", "area_m2", "owners", "owner_ref",
            "phone", "developer_held");

    /** Longest building label, in characters: as an amendment and a nomination accept it. */
    public static final int MAX_BUILDING = 50;
    /** Longest unit label. */
    public static final int MAX_UNIT = 50;
    /** Longest owners field (all co-owners with their ';'). */
    public static final int MAX_OWNERS = 200;
    /** Longest single owner's name: a nominee's name is at most this long. */
    public static final int MAX_OWNER_NAME = 50;
    /** Longest owner_ref. */
    public static final int MAX_OWNER_REF = 100;
    /** Digits before the decimal point the area column (numeric(12,2)) holds. */
    public static final int AREA_INTEGER_DIGITS = 10;
    /** Longest text of the short columns (kind, area, phone, developer_held); anything longer is wrong anyway. */
    private static final int MAX_SHORT = 40;

    private static final Pattern PHONE = Pattern.compile("1\\d{10}");
    private static final Pattern AREA = Pattern.compile("-?(\\d+)(?:\\.(\\d+))?");

    /** A row as read from the file: values by column name, as they were written. */
    public record RawRow(int row, Map<String, String> values) {
        String raw(String column) {
            String v = values.get(column);
            return v == null ? "" : v;
        }
    }

    /**
     * One problem: spreadsheet row (header = 1; 0 when the file as a whole is wrong or for an amended unit), column,
     * message.
     */
    public record RowError(int row, String column, Text message) {
    }

    public record Result(List<RosterUnit> units, List<RowError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Where a unit or an owner_ref was first seen, as written there. */
    private record Seen(int row, String text) {
    }

    private RosterValidator() {
    }

    /** What is wrong with the header: missing columns and columns named twice, each named. */
    public static List<RowError> checkHeader(List<String> header) {
        List<RowError> errors = new ArrayList<>();
        for (String column : COLUMNS) {
            if (!header.contains(column)) {
                errors.add(new RowError(1, column, Text.of("roster.column-missing", column, columnWords(column),
                        String.join(",", COLUMNS))));
            } else if (header.indexOf(column) != header.lastIndexOf(column)) {
                errors.add(new RowError(1, column, Text.of("roster.column-twice", column, columnWords(column))));
            }
        }
        return errors;
    }

    /**
     * Checks every row. Every text is stored in its {@link IdentityText#normalise normal form}; a text that cannot
     * be accepted at all (a NUL, a control character, a direction override) or is longer than its column allows is
     * an error of its row. Two rows whose units {@link IdentityText#skeleton look alike} are one home written twice:
     * the later row is an error naming the earlier one, and so is an owner_ref written differently from a look-alike
     * one on an earlier row (the same person would count twice).
     */
    public static Result validate(List<RawRow> rows) {
        List<RosterUnit> units = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Seen> unitsSeen = new HashMap<>();
        Map<String, Seen> refsSeen = new HashMap<>();
        if (rows.isEmpty()) {
            errors.add(new RowError(0, "", Text.of("roster.no-units")));
        }
        for (RawRow raw : rows) {
            List<RowError> rowErrors = new ArrayList<>();
            String building = text(raw, "building", MAX_BUILDING, rowErrors);
            String unit = text(raw, "unit", MAX_UNIT, rowErrors);
            if ("".equals(building)) {
                rowErrors.add(error(raw, "building", "roster.building-missing"));
            }
            if ("".equals(unit)) {
                rowErrors.add(error(raw, "unit", "roster.unit-missing"));
            }
            if (building != null && unit != null && !building.isEmpty() && !unit.isEmpty()) {
                String label = building + " " + unit;
                Seen first = unitsSeen.putIfAbsent(IdentityText.skeleton(building) + "\u0000"
                        + IdentityText.skeleton(unit), new Seen(raw.row(), label));
                if (first != null && first.text().equals(label)) {
                    rowErrors.add(error(raw, "unit", "roster.unit-duplicate", label, first.row()));
                } else if (first != null) {
                    rowErrors.add(error(raw, "unit", "roster.unit-look-alike", label, first.text(), first.row()));
                }
            }
            String kindText = text(raw, "kind", MAX_SHORT, rowErrors);
            UnitKind kind = kindText == null ? null : UnitKind.fromCode(kindText).orElse(null);
            if (kindText != null && kind == null) {
                rowErrors.add(error(raw, "kind", "roster.kind-unknown", kindText));
            }
            BigDecimal area = area(raw, rowErrors);
            List<String> owners = owners(raw, rowErrors);
            String ownerRef = text(raw, "owner_ref", MAX_OWNER_REF, rowErrors);
            if ("".equals(ownerRef)) {
                rowErrors.add(error(raw, "owner_ref", "roster.owner-ref-missing"));
            } else if (ownerRef != null) {
                Seen first = refsSeen.putIfAbsent(IdentityText.skeleton(ownerRef), new Seen(raw.row(), ownerRef));
                if (first != null && !first.text().equals(ownerRef)) {
                    rowErrors.add(error(raw, "owner_ref", "roster.owner-ref-look-alike", ownerRef, first.text(),
                            first.row()));
                }
            }
            String phone = text(raw, "phone", MAX_SHORT, rowErrors);
            if (phone != null && !phone.isEmpty() && !PHONE.matcher(phone).matches()) {
                rowErrors.add(error(raw, "phone", "roster.phone-invalid", phone));
            }
            String developerText = text(raw, "developer_held", MAX_SHORT, rowErrors);
            Boolean developerHeld = developerText == null ? null : switch (developerText) {
                case "true" -> true;
                case "false" -> false;
                default -> null;
            };
            if (developerText != null && developerHeld == null) {
                rowErrors.add(error(raw, "developer_held", "roster.developer-held-invalid", developerText));
            } else if (developerHeld != null && ownerRef != null) {
                if (developerHeld && !ownerRef.isEmpty() && !RosterUnit.DEVELOPER.equals(ownerRef)) {
                    rowErrors.add(error(raw, "developer_held", "roster.developer-held-other-owner", ownerRef));
                } else if (!developerHeld && RosterUnit.DEVELOPER.equals(ownerRef)) {
                    rowErrors.add(error(raw, "developer_held", "roster.developer-ref-not-held"));
                }
            }
            if (rowErrors.isEmpty()) {
                units.add(new RosterUnit(raw.row(), building, unit, kind, area, owners, ownerRef,
                        phone.isEmpty() ? null : phone, developerHeld));
            }
            errors.addAll(rowErrors);
        }
        return new Result(errors.isEmpty() ? units : List.of(), errors);
    }

    /**
     * The column's text in its normal form; {@code null} (the problem recorded) when it holds what no text may hold
     * or is longer than {@code max} characters.
     */
    private static String text(RawRow raw, String column, int max, List<RowError> errors) {
        String value = raw.raw(column);
        Optional<Text> problem = TextFault.of(where(raw, column), value);
        if (problem.isPresent()) {
            errors.add(new RowError(raw.row(), column, problem.get()));
            return null;
        }
        String normal = IdentityText.normalise(value);
        int length = normal.codePointCount(0, normal.length());
        if (length > max) {
            errors.add(error(raw, column, "roster.too-long", length, max));
            return null;
        }
        return normal;
    }

    /** The co-owners (';' between them), each a name of at most {@link #MAX_OWNER_NAME}, none named twice. */
    private static List<String> owners(RawRow raw, List<RowError> errors) {
        String text = text(raw, "owners", MAX_OWNERS, errors);
        if (text == null) {
            return List.of();
        }
        List<String> owners = Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (owners.isEmpty()) {
            errors.add(error(raw, "owners", "roster.owner-missing"));
        }
        Set<String> skeletons = new HashSet<>();
        for (String owner : owners) {
            int length = owner.codePointCount(0, owner.length());
            if (length > MAX_OWNER_NAME) {
                errors.add(error(raw, "owners", "roster.owner-name-too-long", length, MAX_OWNER_NAME));
            } else if (!skeletons.add(IdentityText.skeleton(owner))) {
                errors.add(error(raw, "owners", "roster.owner-twice", owner));
            }
        }
        return owners;
    }

    private static BigDecimal area(RawRow raw, List<RowError> errors) {
        String text = text(raw, "area_m2", MAX_SHORT, errors);
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            errors.add(error(raw, "area_m2", "roster.area-missing"));
            return null;
        }
        Matcher parts = AREA.matcher(text);
        if (!parts.matches()) {
            errors.add(error(raw, "area_m2", "roster.area-not-a-number", text));
            return null;
        }
        if (parts.group(2) != null && parts.group(2).length() > 2) {
            errors.add(error(raw, "area_m2", "roster.area-decimals", text));
            return null;
        }
        if (parts.group(1).replaceFirst("^0+", "").length() > AREA_INTEGER_DIGITS) {
            errors.add(error(raw, "area_m2", "roster.area-too-large", text, "9".repeat(AREA_INTEGER_DIGITS) + ".99"));
            return null;
        }
        BigDecimal area = new BigDecimal(text);
        if (area.signum() <= 0) {
            errors.add(error(raw, "area_m2", "roster.area-not-positive"));
            return null;
        }
        return area.setScale(2);
    }

    /**
     * A problem of a row's column: the message {@code key} with where it is as its {0} and {@code args} as {1}, {2}…
     */
    private static RowError error(RawRow raw, String column, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = where(raw, column);
        System.arraycopy(args, 0, all, 1, args.length);
        return new RowError(raw.row(), column, Text.of(key, all));
    }

    /** "第 12 行 专有部分面积" for a row of a file, "专有部分面积" for an amended unit (row 0). */
    private static Wording where(RawRow raw, String column) {
        return raw.row() > 0 ? Text.of("roster.at-row", raw.row(), columnWords(column)) : columnWords(column);
    }

    /** A column's name in words (the file's header keeps the English column names). */
    public static Text columnWords(String column) {
        return switch (column) {
            case "building" -> Text.of("column.building");
            case "unit" -> Text.of("column.unit");
            case "kind" -> Text.of("column.kind");
            case "area_m2" -> Text.of("column.area");
            case "owners" -> Text.of("column.owners");
            case "owner_ref" -> Text.of("column.owner-ref");
            case "phone" -> Text.of("column.phone");
            case "developer_held" -> Text.of("column.developer-held");
            default -> throw new IllegalArgumentException("no column " + column);
        };
    }
}
