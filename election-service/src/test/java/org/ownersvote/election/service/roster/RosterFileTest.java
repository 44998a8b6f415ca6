package org.ownersvote.election.service.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ownersvote.platform.problem.ProblemException;

/** A file that cannot be read is answered in plain words, never with the parser's class names. */
class RosterFileTest {

    private static final String HEADER = "building,unit,kind,area_m2,owners,owner_ref,phone,developer_held\n";

    @Test
    void anUnclosedQuoteIsDescribedWithTheLineItStartsOn() {
        assertNotCsv("1号楼,101,residence,80.00,王,P1,,false\n1号楼,\"102,residence,90.00,李,P2,,false\n",
                "The file is not valid CSV: the quoted field that starts on line 3 is never closed (a closing \" is "
                        + "missing)");
    }

    @Test
    void textAfterAClosingQuoteIsDescribedWithItsLine() {
        assertNotCsv("1号楼,101,residence,80.00,王,P1,,false\n1号楼,\"102\"x,residence,90.00,李,P2,,false\n",
                "The file is not valid CSV: line 3 has characters after the closing quote of a field; inside a quoted "
                        + "field write a quote as \"\"");
    }

    private static void assertNotCsv(String rows, String detail) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> RosterFile.read((HEADER + rows).getBytes(StandardCharsets.UTF_8), RosterFile.CSV));
        assertEquals(422, e.status());
        assertEquals(detail, e.getMessage());
        assertEquals(detail, e.errors().get(0).message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not a zip        | this is not a workbook",
            "a zip, no sheets | PK\u0003\u0004 broken",
    })
    void anUnreadableWorkbookIsDescribedPlainly(String what, String bytes) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> RosterFile.read(bytes.getBytes(StandardCharsets.ISO_8859_1), RosterFile.XLSX));
        assertEquals(422, e.status());
        assertEquals("Not a readable .xlsx file: save it from the spreadsheet as an Excel workbook (.xlsx) or as "
                + "'CSV UTF-8'; old .xls files, password-protected and damaged workbooks cannot be read",
                e.getMessage(),
                what);
        assertFalse(e.getMessage().contains("Exception"));
    }

    @Test
    void aWorkbookWithoutSheetsIsDescribedPlainly() throws IOException {
        byte[] empty;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            empty = out.toByteArray();
        }
        ProblemException e = assertThrows(ProblemException.class, () -> RosterFile.read(empty, RosterFile.XLSX));
        assertEquals(422, e.status());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void aFormulaCellIsReadAsTheValueItShowedNotAsItsFormula() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet();
            String[] header = HEADER.strip().split(",");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("1号楼");
            row.createCell(1).setCellValue("101");
            row.createCell(3).setCellFormula("40+47.97");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            bytes = out.toByteArray();
        }
        RosterFile.Content content = RosterFile.read(bytes, RosterFile.XLSX);
        assertEquals("87.97", content.rows().get(0).values().get("area_m2"));
    }
}
