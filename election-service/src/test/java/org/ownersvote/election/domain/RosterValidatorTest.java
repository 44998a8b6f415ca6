package org.ownersvote.election.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ownersvote.election.service.roster.RosterFile;
import org.ownersvote.platform.problem.ProblemTexts;

class RosterValidatorTest {

    private static final String HEADER = "building,unit,kind,area_m2,owners,owner_ref,phone,developer_held\n";
    private static final String GOOD = "1号楼,101,residence,87.97,方杰,P0000001,17009790625,false\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "duplicate unit  | 1号楼,101,residence,90.00,王,P2,,false | unit | roster.unit-duplicate | Row 3, unit: duplicate unit 1号楼 101 (already on row 2) | 第 3 行 单元/房号：房屋 1号楼 101 重复（第 2 行已有）",
            "zero area       | 1号楼,102,residence,0,王,P2,,false | area_m2 | roster.area-not-positive | Row 3, area in m²: must be greater than 0 | 第 3 行 专有部分面积：必须大于 0",
            "negative area   | 1号楼,102,residence,-3.50,王,P2,,false | area_m2 | roster.area-not-positive | Row 3, area in m²: must be greater than 0 | 第 3 行 专有部分面积：必须大于 0",
            "three decimals  | 1号楼,102,residence,90.123,王,P2,,false | area_m2 | roster.area-decimals | Row 3, area in m²: 90.123 has more than two decimals | 第 3 行 专有部分面积：90.123 的小数超过两位",
            "not a number    | 1号楼,102,residence,九十,王,P2,,false | area_m2 | roster.area-not-a-number | Row 3, area in m²: '九十' is not an area in m² (digits, '.' and up to two decimals) | 第 3 行 专有部分面积：“九十”不是面积数字（单位为平方米，只能写数字和小数点，最多两位小数）",
            "bad phone       | 1号楼,102,residence,90.00,王,P2,2345,false | phone | roster.phone-invalid | Row 3, phone: bad phone '2345': a mobile number has 11 digits and starts with 1 | 第 3 行 手机号码：“2345”不是有效的手机号码；手机号码是以 1 开头的 11 位数字",
            "developer ref   | 1号楼,102,residence,90.00,开发商,P2,,true | developer_held | roster.developer-held-other-owner | Row 3, developer-held: the unit is developer-held but owner_ref is 'P2': developer-held units have owner_ref DEVELOPER | 第 3 行 是否开发商持有：标为开发商持有，但业主编号是“P2”；开发商持有的房屋，业主编号须填 DEVELOPER",
            "sold developer  | 1号楼,102,residence,90.00,开发商,DEVELOPER,,false | developer_held | roster.developer-ref-not-held | Row 3, developer-held: owner_ref is DEVELOPER but the unit is not developer-held: a sold unit names its buyer | 第 3 行 是否开发商持有：业主编号是 DEVELOPER，却没有标为开发商持有；已售出的房屋应填写买房的业主",
            "unknown kind    | 1号楼,102,villa,90.00,王,P2,,false | kind | roster.kind-unknown | Row 3, kind: unknown kind 'villa'; use residence, shop, parking or other | 第 3 行 房屋类型：无法识别“villa”；请填写 residence（住宅）、shop（商铺）、parking（车位）或 other（其他）",
            "missing owner   | 1号楼,102,residence,90.00, ; ,P2,,false | owners | roster.owner-missing | Row 3, owners: the owner is missing: name at least one owner (';' between co-owners) | 第 3 行 业主姓名：没有填写业主；至少填写一位业主（共有人之间用英文分号 ; 隔开）",
            "missing ref     | 1号楼,102,residence,90.00,王,,,false | owner_ref | roster.owner-ref-missing | Row 3, owner key (owner_ref): missing: the stable key of the owning person, DEVELOPER for developer-held units | 第 3 行 业主编号：没有填写；请填写这位业主固定不变的编号，开发商持有的房屋填 DEVELOPER",
            "bad boolean     | 1号楼,102,residence,90.00,王,P2,,yes | developer_held | roster.developer-held-invalid | Row 3, developer-held: must be true or false, not 'yes' | 第 3 行 是否开发商持有：只能填 true（是）或 false（否），不能填“yes”",
    })
    void eachKindOfBadRowHasItsOwnCodeAndMessageInEachLanguage(String name, String badRow, String column,
            String code, String english, String chinese) {
        RosterValidator.Result result = validate(HEADER + GOOD + badRow + "\n");
        assertEquals(List.of(new Shown(3, column, english)), shown(result.errors()));
        assertEquals(code, result.errors().get(0).message().key(), "the stable code");
        assertEquals(chinese, result.errors().get(0).message().in(ProblemTexts.CHINESE));
        assertEquals(List.of(), result.units(), "nothing is imported");
    }

    @Test
    void everyBadRowIsListed() {
        RosterValidator.Result result = validate(HEADER + GOOD
                + "1号楼,102,residence,0,王,P2,,false\n"
                + "1号楼,103,residence,80.00,李,P3,,false\n"
                + "1号楼,104,hut,80.00,,P4,123,false\n");
        assertEquals(List.of(3, 5, 5, 5), result.errors().stream().map(RosterValidator.RowError::row).toList());
        assertEquals(List.of("area_m2", "kind", "owners", "phone"),
                result.errors().stream().map(RosterValidator.RowError::column).toList());
    }

    @Test
    void aBomAndQuotedFieldsWithCommasAndLineBreaksAreRead() {
        String csv = "\uFEFF" + HEADER
                + "\"商业街\",\"S003\",shop,45.50,\"张三;李四\",P9,13900000009,false\n"
                + "\"1号楼\",\"2单元,1102\",residence,88.00,\"王\n五\",P10,,false\n";
        RosterValidator.Result result = validate(csv);
        assertEquals(List.of(), result.errors());
        assertEquals(List.of("张三", "李四"), result.units().get(0).owners());
        assertEquals("2单元,1102", result.units().get(1).unit());
        assertEquals(3, result.units().get(1).row());
    }

    @Test
    void aMissingColumnIsNamed() {
        RosterFile.Content content = RosterFile.read(
                "building,unit,kind\n1,1,residence\n".getBytes(StandardCharsets.UTF_8),
                RosterFile.CSV);
        List<RosterValidator.RowError> errors = RosterValidator.checkHeader(content.header());
        assertEquals(5, errors.size());
        assertTrue(errors.get(0).message().english().startsWith("The header has no column area_m2 (the area in m²)"),
                errors.get(0).message().english());
        assertEquals("表头缺少 area_m2 列（专有部分面积）；表头必须是：building,unit,kind,area_m2,owners,owner_ref,phone,"
                + "developer_held", errors.get(0).message().in(ProblemTexts.CHINESE));
    }

    @Test
    void aColumnNamedTwiceInTheHeaderIsRefused() {
        RosterFile.Content content = RosterFile.read((HEADER.strip() + ",unit\n" + GOOD.strip() + ",102\n")
                .getBytes(StandardCharsets.UTF_8), RosterFile.CSV);
        assertEquals(List.of(new Shown(1, "unit", "The column unit appears twice in the header; which one holds the "
                + "unit cannot be told")), shown(RosterValidator.checkHeader(content.header())));
    }

    @Test
    void anEmptyRosterIsRefused() {
        assertEquals("The roster has no units", validate(HEADER).errors().get(0).message().english());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "zero-width space   | 1号楼,101\u200B",
            "full-width digits  | 1号楼,１０１",
            "full-width number  | １号楼,101",
            "soft hyphen        | 1号\u00AD楼,101",
            "ideographic space  | 1号楼\u3000,101",
    })
    void aLookAlikeOfAUnitIsTheSameUnitAndRefused(String what, String unit) {
        RosterValidator.Result result = validate(HEADER + GOOD + unit + ",residence,90.00,王,P2,,false\n");
        assertEquals(List.of(new Shown(3, "unit", "Row 3, unit: duplicate unit 1号楼 101 (already on row 2)")),
                shown(result.errors()), what);
        assertEquals(List.of(), result.units());
    }

    @Test
    void unitsDifferingInCaseOrDashesLookTheSameAndEveryLaterRowIsListed() {
        RosterValidator.Result result = validate(HEADER
                + "A座,A-101,residence,90.00,王,P1,,false\n"
                + "a座,a–101,residence,90.00,李,P2,,false\n"
                + "Ａ座,Ａ—101,residence,90.00,赵,P3,,false\n");
        assertEquals(List.of(3, 4), result.errors().stream().map(RosterValidator.RowError::row).toList());
        assertEquals("Row 3, unit: unit a座 a–101 looks the same as unit A座 A-101 on row 2 (they differ only in case, "
                + "dashes, spacing or look-alike letters): one home is one row",
                result.errors().get(0).message().english());
    }

    @Test
    void theNormalFormIsWhatIsStored() {
        RosterValidator.Result result = validate(HEADER
                + "\uFEFF１号楼\u200B, １０１ ,residence,８７.９７,方\u200B杰；李\u00AD四,Ｐ１,１７００９７９０６２５,false\n");
        assertEquals(List.of(), result.errors());
        RosterUnit unit = result.units().get(0);
        assertEquals("1号楼", unit.building());
        assertEquals("101", unit.unit());
        assertEquals(new BigDecimal("87.97"), unit.area());
        assertEquals(List.of("方杰", "李四"), unit.owners());
        assertEquals("P1", unit.ownerRef());
        assertEquals("17009790625", unit.phone());
    }

    @Test
    void oneOwnerRefWrittenTwoWaysAndAnOwnerNamedTwiceAreRefused() {
        RosterValidator.Result result = validate(HEADER
                + "1号楼,101,residence,90.00,王,P-1,,false\n"
                + "1号楼,102,residence,90.00,王,p–1,,false\n"
                + "1号楼,103,residence,90.00,李;李\u200B,P3,,false\n");
        assertEquals(List.of(
                new Shown(3, "owner_ref", "Row 3, owner key (owner_ref): p–1 looks the same as P-1 on row 2 "
                        + "but is written differently; write one person's key the same way on every row"),
                new Shown(4, "owners", "Row 4, owners: the owner 李 is named twice")), shown(result.errors()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NUL in a name      | owners   | 1号楼,102,residence,90.00,王\u0000五,P2,,false | Row 3, owners: contains a NUL character (U+0000) (character 2), which text may not hold",
            "NUL in a unit      | unit     | 1号楼,1\u000002,residence,90.00,王,P2,,false   | Row 3, unit: contains a NUL character (U+0000) (character 2), which text may not hold",
            "bell in a phone    | phone    | 1号楼,102,residence,90.00,王,P2,139\u00070000000,false | Row 3, phone: contains the control character U+0007 (character 4)",
            "RTL override       | owners   | 1号楼,102,residence,90.00,\u202E五王,P2,,false | Row 3, owners: contains the text-direction control U+202E (character 1), which makes it display differently from what it is",
            "40-digit area      | area_m2  | 1号楼,102,residence,1234567890123456789012345678901234567890,王,P2,,false | Row 3, area in m²: 1234567890123456789012345678901234567890 is too large: at most 9999999999.99 m²",
            "11-digit area      | area_m2  | 1号楼,102,residence,12345678901.00,王,P2,,false | Row 3, area in m²: 12345678901.00 is too large: at most 9999999999.99 m²",
    })
    void whatNoTextMayHoldAndAreasTheColumnCannotHoldAreRowErrors(String what, String column, String row,
            String message) {
        RosterValidator.Result result = validate(HEADER + GOOD + row + "\n");
        assertEquals(List.of(new Shown(3, column, message)), shown(result.errors()), what);
    }

    @Test
    void theLargestAreaTheColumnHoldsIsAccepted() {
        RosterValidator.Result result = validate(HEADER + "1号楼,101,residence,0009999999999.99,王,P1,,false\n");
        assertEquals(List.of(), result.errors());
        assertEquals(new BigDecimal("9999999999.99"), result.units().get(0).area());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "0 | building  | Row 2, building: is 51 characters long; at most 50 fit",
            "1 | unit      | Row 2, unit: is 51 characters long; at most 50 fit",
            "4 | owners    | Row 2, owners: is 201 characters long; at most 200 fit",
            "5 | owner_ref | Row 2, owner key (owner_ref): is 101 characters long; at most 100 fit",
    })
    void everyFieldHasTheLimitOfItsAmendment(int index, String column, String message) {
        String[] fields = GOOD.strip().split(",");
        fields[index] = switch (column) {
            // four co-owners of 49 characters and one of 1, with their ';'
            case "owners" -> "甲".repeat(49) + ";" + "乙".repeat(49) + ";" + "丙".repeat(49) + ";" + "丁".repeat(49) + ";戊";
            case "owner_ref" -> "长".repeat(101);
            default -> "长".repeat(51);
        };
        RosterValidator.Result result = validate(HEADER + String.join(",", fields) + "\n");
        assertEquals(List.of(new Shown(2, column, message)), shown(result.errors()));
        fields[index] = fields[index].substring(1);
        assertEquals(List.of(), validate(HEADER + String.join(",", fields) + "\n").errors(), "the limit itself fits");
    }

    @Test
    void aHugeOwnerNameIsARowErrorNotAnImport() {
        RosterValidator.Result result = validate(HEADER + "1号楼,101,residence,90.00," + "王".repeat(350_000)
                + ",P1,,false\n");
        assertEquals(List.of(new Shown(2, "owners", "Row 2, owners: is 350000 characters long; at most 200 fit")),
                shown(result.errors()));
        RosterValidator.Result oneLongName = validate(HEADER + "1号楼,101,residence,90.00,李;" + "王".repeat(51)
                + ",P1,,false\n");
        assertEquals(
                List.of(new Shown(2, "owners", "Row 2, owners: an owner's name is 51 characters long; at most 50 fit")),
                shown(oneLongName.errors()));
    }

    /** An amended unit has no row: its messages name only the column. */
    @Test
    void anAmendedUnitsMessagesNameOnlyTheColumn() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String column : RosterValidator.COLUMNS) {
            values.put(column, "");
        }
        values.putAll(Map.of("building", "1号楼", "unit", "101", "kind", "residence", "area_m2", "0",
                "owners", "王", "owner_ref", "P1", "developer_held", "false"));
        RosterValidator.Result result = RosterValidator.validate(List.of(new RosterValidator.RawRow(0, values)));
        assertEquals("专有部分面积：必须大于 0", result.errors().get(0).message().in(ProblemTexts.CHINESE));
        assertEquals("area in m²: must be greater than 0", result.errors().get(0).message().english());
    }

    /** A row error as a person reads it in English. */
    record Shown(int row, String column, String message) {
    }

    private static List<Shown> shown(List<RosterValidator.RowError> errors) {
        return errors.stream().map(e -> new Shown(e.row(), e.column(), e.message().english())).toList();
    }

    private static RosterValidator.Result validate(String csv) {
        return RosterValidator.validate(RosterFile.read(csv.getBytes(StandardCharsets.UTF_8), RosterFile.CSV).rows());
    }
}
