package org.yiwang.registry;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import reads: a table, the first non-empty row its header, row by row with the line (CSV) or
 * row number (Excel) that a problem report names. Kept to this small interface so that the shared CSV
 * reader in platform can replace the minimal one here.
 */
interface TableRows {

    /** Receives the rows; returns false to stop. */
    interface Visitor {
        boolean row(long line, List<String> cells);
    }

    void read(InputStream in, Visitor visitor) throws IOException;

    static TableRows forFile(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".xlsx") ? new Xlsx() : new Csv();
    }

    /** RFC 4180 CSV in UTF-8 (a BOM is skipped): quoted fields may hold commas, quotes ("") and line breaks. */
    final class Csv implements TableRows {
        @Override
        public void read(InputStream in, Visitor visitor) throws IOException {
            PushbackReader reader = new PushbackReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), 2);
            int first = reader.read();
            if (first != '\uFEFF' && first != -1) {
                reader.unread(first);
            }
            long line = 1;
            while (true) {
                long start = line;
                List<String> cells = new ArrayList<>();
                StringBuilder cell = new StringBuilder();
                boolean quoted = false;
                int c;
                boolean any = false;
                while ((c = reader.read()) != -1) {
                    any = true;
                    if (quoted) {
                        if (c == '"') {
                            int next = reader.read();
                            if (next == '"') {
                                cell.append('"');
                            } else {
                                quoted = false;
                                if (next != -1) {
                                    reader.unread(next);
                                }
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            cell.append((char) c);
                        }
                    } else if (c == '"' && cell.isEmpty()) {
                        quoted = true;
                    } else if (c == ',') {
                        cells.add(cell.toString());
                        cell.setLength(0);
                    } else if (c == '\r') {
                        // CRLF: the \n ends the record
                    } else if (c == '\n') {
                        line++;
                        break;
                    } else {
                        cell.append((char) c);
                    }
                }
                if (!any) {
                    return;
                }
                cells.add(cell.toString());
                if (!(cells.size() == 1 && cells.getFirst().isBlank()) && !visitor.row(start, cells)) {
                    return;
                }
                if (c == -1) {
                    return;
                }
            }
        }
    }

    /** The first sheet of an .xlsx workbook; dates as yyyy-mm-dd, numbers as shown. */
    final class Xlsx implements TableRows {
        @Override
        public void read(InputStream in, Visitor visitor) throws IOException {
            try (Workbook workbook = new XSSFWorkbook(in)) {
                Sheet sheet = workbook.getSheetAt(0);
                DataFormatter formatter = new DataFormatter();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                        Cell cell = row.getCell(i);
                        if (cell == null) {
                            cells.add("");
                        } else if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                            cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                        } else {
                            cells.add(formatter.formatCellValue(cell));
                        }
                    }
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    if (!visitor.row(row.getRowNum() + 1L, cells)) {
                        return;
                    }
                }
            } catch (org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
                throw new IOException("not an .xlsx workbook", e);
            }
        }
    }
}
