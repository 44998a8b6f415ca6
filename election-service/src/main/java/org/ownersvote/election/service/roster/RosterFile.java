package org.ownersvote.election.service.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ownersvote.election.domain.RosterValidator.RawRow;
import org.ownersvote.platform.problem.Problem;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;
import org.ownersvote.platform.text.IdentityText;

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
        throw new ProblemException(415, "unsupported-media-type", Text.of("roster.unsupported-type", XLSX), List.of());
    }

    static Content csv(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw unreadable(Text.of("roster.not-utf8"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        CSVParser parser = null;
        try (Reader reader = new StringReader(text)) {
            parser = CSVParser.parse(reader, format);
            List<String> header = parser.getHeaderNames().stream().map(RosterFile::columnName).toList();
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
        } catch (IOException | RuntimeException e) {
            throw unreadable(notCsv(e, parser == null ? 1 : parser.getCurrentLineNumber()));
        }
    }

    /**
     * What is wrong with a CSV file, in the words of the person who saved it: the parser's messages name its own
     * classes and settings, so they are read here and never passed on.
     */
    static Text notCsv(Exception e, long lineReached) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(' ').append(t.getMessage());
        }
        String all = messages.toString();
        Matcher line = Pattern.compile("line:? ?([\\d,]+)").matcher(all);
        String at = line.find() ? line.group(1).replace(",", "") : Long.toString(Math.max(1, lineReached));
        if (all.contains("EOF reached before encapsulated token finished")) {
            return Text.of("roster.csv-quote-not-closed", at);
        }
        if (all.contains("Invalid character between encapsulated token and delimiter")) {
            return Text.of("roster.csv-text-after-quote", at);
        }
        return Text.of("roster.csv-line-unreadable", at);
    }

    private static String columnName(String header) {
        return IdentityText.normalise(header).toLowerCase(Locale.ROOT);
    }

    static Content xlsx(byte[] bytes) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            // a formula cell is read as the value it showed when saved, never as its formula text
            formatter.setUseCachedValuesForFormulaCells(true);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null) {
                throw unreadable(Text.of("roster.first-sheet-empty"));
            }
            List<String> header = new ArrayList<>();
            for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                header.add(columnName(cellText(headerRow.getCell(c), formatter)));
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
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI's own messages name its classes (XmlException, POIXMLException, ...): never passed on
            throw unreadable(Text.of("roster.xlsx-unreadable"));
        }
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        String text = formatter.formatCellValue(cell).strip();
        // Excel shows booleans as TRUE/FALSE
        return cell.getCellType() == CellType.BOOLEAN ? text.toLowerCase(Locale.ROOT) : text;
    }

    private static ProblemException unreadable(Text detail) {
        return new ProblemException(422, "unreadable-roster", detail, List.of(Problem.FieldError.of("file", detail)));
    }
}
