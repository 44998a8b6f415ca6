package org.ownersvote.election.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ownersvote.election.service.roster.RosterFile;

class RosterValidatorTest {

    private static final String HEADER = "building,unit,kind,area_m2,owners,owner_ref,phone,developer_held\n";
    private static final String GOOD = "1号楼,101,residence,87.97,方杰,P0000001,17009790625,false\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "duplicate unit  | 1号楼,101,residence,90.00,王,P2,,false | unit | duplicate unit 1号楼 101 (already on row 2)",
            "zero area       | 1号楼,102,residence,0,王,P2,,false | area_m2 | area must be more than 0",
            "negative area   | 1号楼,102,residence,-3.50,王,P2,,false | area_m2 | area must be more than 0",
            "three decimals  | 1号楼,102,residence,90.123,王,P2,,false | area_m2 | area 90.123 has more than two decimals",
            "not a number    | 1号楼,102,residence,九十,王,P2,,false | area_m2 | '九十' is not an area in m² (digits, '.' and up to two decimals)",
            "bad phone       | 1号楼,102,residence,90.00,王,P2,2345,false | phone | bad phone '2345': a mobile number has 11 digits and starts with 1",
            "developer ref   | 1号楼,102,residence,90.00,开发商,P2,,true | developer_held | developer_held is true but owner_ref is 'P2': developer-held units have owner_ref DEVELOPER",
            "sold developer  | 1号楼,102,residence,90.00,开发商,DEVELOPER,,false | developer_held | owner_ref is DEVELOPER but developer_held is false: a sold unit names its buyer",
            "unknown kind    | 1号楼,102,villa,90.00,王,P2,,false | kind | unknown kind 'villa'; use residence, shop, parking or other",
            "missing owner   | 1号楼,102,residence,90.00, ; ,P2,,false | owners | the owner is missing: name at least one owner (';' between co-owners)",
            "missing ref     | 1号楼,102,residence,90.00,王,,,false | owner_ref | owner_ref is missing: the stable key of the owning person, DEVELOPER for developer-held units",
            "bad boolean     | 1号楼,102,residence,90.00,王,P2,,yes | developer_held | developer_held must be true or false, not 'yes'",
    })
    void eachKindOfBadRowHasItsOwnMessage(String name, String badRow, String column, String message) {
        RosterValidator.Result result = validate(HEADER + GOOD + badRow + "\n");
        assertEquals(List.of(new RosterValidator.RowError(3, column, message)), result.errors());
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
        RosterFile.Content content = RosterFile.read("building,unit,kind\n1,1,residence\n".getBytes(StandardCharsets.UTF_8),
                RosterFile.CSV);
        List<RosterValidator.RowError> errors = RosterValidator.checkHeader(content.header());
        assertEquals(5, errors.size());
        assertTrue(errors.get(0).message().startsWith("the column 'area_m2' is missing"));
    }

    @Test
    void aColumnNamedTwiceInTheHeaderIsRefused() {
        RosterFile.Content content = RosterFile.read((HEADER.strip() + ",unit\n" + GOOD.strip() + ",102\n")
                .getBytes(StandardCharsets.UTF_8), RosterFile.CSV);
        assertEquals(List.of(new RosterValidator.RowError(1, "unit", "the column 'unit' appears twice in the header; "
                + "which one holds the unit cannot be told")), RosterValidator.checkHeader(content.header()));
    }

    @Test
    void anEmptyRosterIsRefused() {
        assertEquals("the roster has no units", validate(HEADER).errors().get(0).message());
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
        assertEquals(List.of(new RosterValidator.RowError(3, "unit", "duplicate unit 1号楼 101 (already on row 2)")),
                result.errors(), what);
        assertEquals(List.of(), result.units());
    }

    @Test
    void unitsDifferingInCaseOrDashesLookTheSameAndEveryLaterRowIsListed() {
        RosterValidator.Result result = validate(HEADER
                + "A座,A-101,residence,90.00,王,P1,,false\n"
                + "a座,a–101,residence,90.00,李,P2,,false\n"
                + "Ａ座,Ａ—101,residence,90.00,赵,P3,,false\n");
        assertEquals(List.of(3, 4), result.errors().stream().map(RosterValidator.RowError::row).toList());
        assertEquals("unit a座 a–101 looks the same as unit A座 A-101 on row 2 (they differ only in case, dashes, "
                + "spacing or look-alike letters): one home is one row", result.errors().get(0).message());
    }

    @Test
    void theNormalFormIsWhatIsStored() {
        RosterValidator.Result result = validate(HEADER
                + "\uFEFF１号楼\u200B, １０１ ,residence,８７.９７,方\u200B杰；李\u00AD四,Ｐ１,１７００９７９０６２５,false\n");
        assertEquals(List.of(), result.errors());
        RosterUnit unit = result.units().get(0);
        assertEquals("1号楼", unit.building());
        assertEquals("101", unit.unit());
        assertEquals(new java.math.BigDecimal("87.97"), unit.area());
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
        assertEquals(List.of(new RosterValidator.RowError(3, "owner_ref", "owner_ref p–1 looks the same as P-1 on row 2 "
                + "but is written differently; write one person's key the same way on every row"),
                new RosterValidator.RowError(4, "owners", "the owner 李 is named twice")), result.errors());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NUL in a name      | owners   | 1号楼,102,residence,90.00,王\u0000五,P2,,false | the owners field contains a NUL character (U+0000) (character 2), which text may not hold",
            "NUL in a unit      | unit     | 1号楼,1\u000002,residence,90.00,王,P2,,false   | the unit contains a NUL character (U+0000) (character 2), which text may not hold",
            "bell in a phone    | phone    | 1号楼,102,residence,90.00,王,P2,139\u00070000000,false | the phone contains the control character U+0007 (character 4)",
            "RTL override       | owners   | 1号楼,102,residence,90.00,\u202E五王,P2,,false | the owners field contains the text-direction control U+202E (character 1), which makes it display differently from what it is",
            "40-digit area      | area_m2  | 1号楼,102,residence,1234567890123456789012345678901234567890,王,P2,,false | area 1234567890123456789012345678901234567890 is too large: at most 9999999999.99 m²",
            "11-digit area      | area_m2  | 1号楼,102,residence,12345678901.00,王,P2,,false | area 12345678901.00 is too large: at most 9999999999.99 m²",
    })
    void whatNoTextMayHoldAndAreasTheColumnCannotHoldAreRowErrors(String what, String column, String row,
            String message) {
        RosterValidator.Result result = validate(HEADER + GOOD + row + "\n");
        assertEquals(List.of(new RosterValidator.RowError(3, column, message)), result.errors(), what);
    }

    @Test
    void theLargestAreaTheColumnHoldsIsAccepted() {
        RosterValidator.Result result = validate(HEADER + "1号楼,101,residence,0009999999999.99,王,P1,,false\n");
        assertEquals(List.of(), result.errors());
        assertEquals(new java.math.BigDecimal("9999999999.99"), result.units().get(0).area());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "0 | building  | the building is 51 characters long; at most 50 fit",
            "1 | unit      | the unit is 51 characters long; at most 50 fit",
            "4 | owners    | the owners field is 201 characters long; at most 200 fit",
            "5 | owner_ref | owner_ref is 101 characters long; at most 100 fit",
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
        assertEquals(List.of(new RosterValidator.RowError(2, column, message)), result.errors());
        fields[index] = fields[index].substring(1);
        assertEquals(List.of(), validate(HEADER + String.join(",", fields) + "\n").errors(), "the limit itself fits");
    }

    @Test
    void aHugeOwnerNameIsARowErrorNotAnImport() {
        RosterValidator.Result result = validate(HEADER + "1号楼,101,residence,90.00," + "王".repeat(350_000)
                + ",P1,,false\n");
        assertEquals(List.of(new RosterValidator.RowError(2, "owners",
                "the owners field is 350000 characters long; at most 200 fit")), result.errors());
        RosterValidator.Result oneLongName = validate(HEADER + "1号楼,101,residence,90.00,李;" + "王".repeat(51)
                + ",P1,,false\n");
        assertEquals(List.of(new RosterValidator.RowError(2, "owners",
                "an owner's name is 51 characters long; at most 50 fit")), oneLongName.errors());
    }

    private static RosterValidator.Result validate(String csv) {
        return RosterValidator.validate(RosterFile.read(csv.getBytes(StandardCharsets.UTF_8), RosterFile.CSV).rows());
    }
}
