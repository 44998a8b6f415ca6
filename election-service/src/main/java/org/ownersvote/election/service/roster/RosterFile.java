package org.ownersvote.election.service.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ownersvote.election.domain.RosterValidator.RawRow;
import org.ownersvote.platform.problem.ProblemException;

/** Reads an uploaded roster, CSV (UTF-8, BOM or not, RFC 4180) or .xlsx (first sheet), into header and rows. */
public final class RosterFile {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public record Content(List<String> header, List<RawRow> rows) {
    }

    private RosterFile() {
    }

    public static Content read(byte[] bytes, String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (type.startsWith(CSV)) {
            return csv(bytes);
        }
        if (type.startsWith(XLSX)) {
            return xlsx(bytes);
        }
        throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                "Upload the roster as text/csv or as an .xlsx workbook (" + XLSX + ")", List.of());
    }

    static Content csv(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw unreadable("the file is not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (Reader reader = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            List<RawRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                // the spreadsheet row: header is row 1; CSV line numbers would shift with quoted line breaks
                rows.add(new RawRow((int) record.getRecordNumber() + 1, values));
            }
            return new Content(header, rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw unreadable("the file is not valid CSV: " + e.getMessage());
        }
    }

    static Content xlsx(byte[] bytes) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null) {
                throw unreadable("the first sheet is empty");
            }
            List<String> header = new ArrayList<>();
            for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                header.add(cellText(headerRow.getCell(c), formatter).toLowerCase(Locale.ROOT));
            }
            List<RawRow> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                boolean blank = true;
                for (int c = 0; c < header.size(); c++) {
                    String value = cellText(row.getCell(c), formatter);
                    blank &= value.isEmpty();
                    values.put(header.get(c), value);
                }
                if (!blank) {
                    rows.add(new RawRow(r + 1, values));
                }
            }
            return new Content(header, rows);
        } catch (IOException | org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            throw unreadable("the file is not an .xlsx workbook: " + e.getMessage());
        }
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        String text = formatter.formatCellValue(cell).strip();
        // Excel shows booleans as TRUE/FALSE
        return cell.getCellType() == org.apache.poi.ss.usermodel.CellType.BOOLEAN ? text.toLowerCase(Locale.ROOT) : text;
    }

    private static ProblemException unreadable(String detail) {
        return new ProblemException(422, "unreadable-roster", "Unreadable roster", detail,
                List.of(new org.ownersvote.platform.problem.Problem.FieldError("file", detail)));
    }
}
