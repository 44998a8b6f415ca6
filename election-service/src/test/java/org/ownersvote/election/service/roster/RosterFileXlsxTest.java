package org.ownersvote.election.service.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ownersvote.election.domain.Electorate;
import org.ownersvote.election.domain.RosterValidator;
import org.ownersvote.election.domain.RulePack;

public class RosterFileXlsxTest {

    /** The sample roster as a property company's workbook: areas as numbers, flags as booleans, phones as text. */
    public static byte[] sampleAsXlsx() throws IOException {
        String csv;
        try (InputStream in = RosterFileXlsxTest.class.getResourceAsStream("/rosters/zhenru-jiayuan-900.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("业主名册");
            String[] lines = csv.split("\n");
            for (int r = 0; r < lines.length; r++) {
                String[] fields = lines[r].split(",", -1);
                Row row = sheet.createRow(r);
                for (int c = 0; c < fields.length; c++) {
                    if (r > 0 && c == 3) {
                        row.createCell(c).setCellValue(Double.parseDouble(fields[c]));
                    } else if (r > 0 && c == 7) {
                        row.createCell(c).setCellValue(Boolean.parseBoolean(fields[c]));
                    } else {
                        row.createCell(c).setCellValue(fields[c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anXlsxOfTheSampleGivesTheSameFigures() throws IOException {
        RosterFile.Content content = RosterFile.read(sampleAsXlsx(), RosterFile.XLSX);
        assertEquals(List.of(), RosterValidator.checkHeader(content.header()));
        RosterValidator.Result result = RosterValidator.validate(content.rows());
        assertEquals(List.of(), result.errors());
        Electorate e = Electorate.of(result.units(), RulePack.CN_2021);
        assertEquals(900, e.units());
        assertEquals(860, e.countedUnits());
        assertEquals(new BigDecimal("86566.89"), e.area());
        assertEquals(806, e.headcount());
    }
}
