package org.ownersvote.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadsheetCellsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "hyperlink    | =HYPERLINK(\"http://x.example\",\"点我\") | '=HYPERLINK(\"http://x.example\",\"点我\")",
            "plus         | +cmd /C calc!A0                        | '+cmd /C calc!A0",
            "minus        | -2+3                                   | '-2+3",
            "at           | @SUM(A1:A9)                            | '@SUM(A1:A9)",
            "full-width = | ＝1+1                                  | '＝1+1",
            "plain name   | 王五                                   | 王五",
            "inner =      | A=B                                    | A=B",
    })
    void cellsThatWouldStartAFormulaGetAnApostrophe(String what, String value, String expected) {
        assertEquals(expected, SpreadsheetCells.text(value), what);
    }

    @Test
    void leadingTabAndCarriageReturnAreNeutralisedAndFieldsQuoted() {
        assertEquals("'\t=1", SpreadsheetCells.text("\t=1"));
        assertEquals("'\r=1", SpreadsheetCells.text("\r=1"));
        assertEquals("\"'=1,2\"", SpreadsheetCells.csvField("=1,2"));
        assertEquals("\"say \"\"hi\"\"\"", SpreadsheetCells.csvField("say \"hi\""));
        assertEquals("1号楼", SpreadsheetCells.csvField("1号楼"));
        assertEquals("", SpreadsheetCells.csvField(null));
        assertNull(SpreadsheetCells.text(null));
    }
}
