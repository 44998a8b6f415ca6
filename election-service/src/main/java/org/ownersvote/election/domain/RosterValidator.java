package org.ownersvote.election.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an uploaded roster row by row (format: UTF-8 CSV or .xlsx with the columns below). A roster is imported
 * only if every row is valid, so every problem of every row is collected, each with the spreadsheet row number and
 * the column, in words a working group can act on.
 */
public final class RosterValidator {

    public static final List<String> COLUMNS = List.of("building", "unit", "kind", "area_m2", "owners", "owner_ref",
            "phone", "developer_held");

    private static final Pattern PHONE = Pattern.compile("1\\d{10}");
    private static final Pattern AREA = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** A row as read from the file: values by column name. */
    public record RawRow(int row, Map<String, String> values) {
        String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v.strip();
        }
    }

    /** One problem: spreadsheet row (header = 1; 0 when the file as a whole is wrong), column, message. */
    public record RowError(int row, String column, String message) {
    }

    public record Result(List<RosterUnit> units, List<RowError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private RosterValidator() {
    }

    /** What is wrong with the header: missing columns, each named. */
    public static List<RowError> checkHeader(List<String> header) {
        List<RowError> errors = new ArrayList<>();
        for (String column : COLUMNS) {
            if (!header.contains(column)) {
                errors.add(new RowError(1, column, "the column '" + column + "' is missing; the header must be "
                        + String.join(",", COLUMNS)));
            }
        }
        return errors;
    }

    public static Result validate(List<RawRow> rows) {
        List<RosterUnit> units = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        if (rows.isEmpty()) {
            errors.add(new RowError(0, "", "the roster has no units"));
        }
        for (RawRow raw : rows) {
            List<RowError> rowErrors = new ArrayList<>();
            String building = raw.get("building");
            String unit = raw.get("unit");
            if (building.isEmpty()) {
                rowErrors.add(error(raw, "building", "the building is missing"));
            }
            if (unit.isEmpty()) {
                rowErrors.add(error(raw, "unit", "the unit is missing"));
            }
            if (!building.isEmpty() && !unit.isEmpty()) {
                Integer first = seen.putIfAbsent(building + "\u0000" + unit, raw.row());
                if (first != null) {
                    rowErrors.add(error(raw, "unit", "duplicate unit " + building + " " + unit + " (already on row "
                            + first + ")"));
                }
            }
            UnitKind kind = UnitKind.fromCode(raw.get("kind")).orElse(null);
            if (kind == null) {
                rowErrors.add(error(raw, "kind", "unknown kind '" + raw.get("kind")
                        + "'; use residence, shop, parking or other"));
            }
            BigDecimal area = area(raw, rowErrors);
            List<String> owners = Arrays.stream(raw.get("owners").split(";")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            if (owners.isEmpty()) {
                rowErrors.add(error(raw, "owners", "the owner is missing: name at least one owner (';' between co-owners)"));
            }
            String ownerRef = raw.get("owner_ref");
            if (ownerRef.isEmpty()) {
                rowErrors.add(error(raw, "owner_ref", "owner_ref is missing: the stable key of the owning person, "
                        + "DEVELOPER for developer-held units"));
            }
            String phone = raw.get("phone");
            if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
                rowErrors.add(error(raw, "phone", "bad phone '" + phone + "': a mobile number has 11 digits and starts with 1"));
            }
            Boolean developerHeld = switch (raw.get("developer_held")) {
                case "true" -> true;
                case "false" -> false;
                default -> null;
            };
            if (developerHeld == null) {
                rowErrors.add(error(raw, "developer_held", "developer_held must be true or false, not '"
                        + raw.get("developer_held") + "'"));
            } else if (developerHeld && !ownerRef.isEmpty() && !RosterUnit.DEVELOPER.equals(ownerRef)) {
                rowErrors.add(error(raw, "developer_held", "developer_held is true but owner_ref is '" + ownerRef
                        + "': developer-held units have owner_ref DEVELOPER"));
            } else if (!developerHeld && RosterUnit.DEVELOPER.equals(ownerRef)) {
                rowErrors.add(error(raw, "developer_held", "owner_ref is DEVELOPER but developer_held is false: "
                        + "a sold unit names its buyer"));
            }
            if (rowErrors.isEmpty()) {
                units.add(new RosterUnit(raw.row(), building, unit, kind, area, owners, ownerRef,
                        phone.isEmpty() ? null : phone, developerHeld));
            }
            errors.addAll(rowErrors);
        }
        return new Result(errors.isEmpty() ? units : List.of(), errors);
    }

    private static BigDecimal area(RawRow raw, List<RowError> errors) {
        String text = raw.get("area_m2");
        if (text.isEmpty()) {
            errors.add(error(raw, "area_m2", "the area is missing"));
            return null;
        }
        if (!AREA.matcher(text).matches()) {
            errors.add(error(raw, "area_m2", "'" + text + "' is not an area in m² (digits, '.' and up to two decimals)"));
            return null;
        }
        BigDecimal area = new BigDecimal(text);
        if (area.scale() > 2) {
            errors.add(error(raw, "area_m2", "area " + text + " has more than two decimals"));
            return null;
        }
        if (area.signum() <= 0) {
            errors.add(error(raw, "area_m2", "area must be more than 0"));
            return null;
        }
        return area.setScale(2);
    }

    private static RowError error(RawRow raw, String column, String message) {
        return new RowError(raw.row(), column, message);
    }
}
