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
    void anEmptyRosterIsRefused() {
        assertEquals("the roster has no units", validate(HEADER).errors().get(0).message());
    }

    private static RosterValidator.Result validate(String csv) {
        return RosterValidator.validate(RosterFile.read(csv.getBytes(StandardCharsets.UTF_8), RosterFile.CSV).rows());
    }
}
