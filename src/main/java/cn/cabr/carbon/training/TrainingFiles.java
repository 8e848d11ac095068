package cn.cabr.carbon.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.cabr.carbon.shared.BusinessException;

/** Reading training-hours files (CSV, .xlsx) into plain rows, and the templates managers fill in. */
public final class TrainingFiles {

    /** A data row as the file numbers it (the header is row 1), its cells as text. */
    record RawRow(int number, List<String> cells) {
    }

    private static final DateTimeFormatter COMPLETED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int MAX_ROWS = 20_000;

    private TrainingFiles() {
    }

    static List<RawRow> csvRows(byte[] csv) {
        List<RawRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(decode(csv)), CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get())) {
            checkHeader(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>();
                record.forEach(cells::add);
                rows.add(new RawRow((int) record.getRecordNumber() + 1, cells));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw BusinessException.invalid("CSV_UNREADABLE", "CSV 文件无法解析：请使用 UTF-8 编码、逗号分隔，并检查引号是否成对");
        }
        return rows;
    }

    static List<RawRow> xlsxRows(byte[] xlsx, ZoneId zone) {
        List<RawRow> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            List<String> names = new ArrayList<>();
            if (header != null) {
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    String name = text(header.getCell(c), formatter);
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
            checkHeader(names);
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw BusinessException.invalid("IMPORT_TOO_MANY_ROWS", "文件行数过多（最多 " + MAX_ROWS + " 行），请分批导入");
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                int last = Math.max(row.getLastCellNum(), TrainingHours.HEADER.length);
                for (int c = 0; c < last; c++) {
                    cells.add(c == 2 ? dateText(row.getCell(c), formatter) : text(row.getCell(c), formatter));
                }
                while (cells.size() > TrainingHours.HEADER.length && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                rows.add(new RawRow(r + 1, cells));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException b) {
                throw b;
            }
            throw BusinessException.invalid("XLSX_UNREADABLE", "Excel 文件无法读取：请上传 .xlsx 格式（Excel 2007 及以上）的文件");
        }
        return rows;
    }

    /** The .xlsx template: the header row and one example row, all cells as text. */
    public static byte[] xlsxTemplate() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("培训学时");
            var textStyle = workbook.createCellStyle();
            textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(0);
            Row example = sheet.createRow(1);
            String[] sample = {"110101199003071234", "20", "2026-01-15 18:00", "双碳目标和政策解读"};
            for (int c = 0; c < TrainingHours.HEADER.length; c++) {
                header.createCell(c).setCellValue(TrainingHours.HEADER[c]);
                Cell cell = example.createCell(c);
                cell.setCellStyle(textStyle);
                cell.setCellValue(sample[c]);
                sheet.setDefaultColumnStyle(c, textStyle);
                sheet.setColumnWidth(c, (c == 3 ? 36 : 22) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the template", e);
        }
    }

    /** The CSV template (UTF-8 with BOM, so Excel opens the Chinese text correctly). */
    public static byte[] csvTemplate() {
        return ("\uFEFF" + String.join(",", TrainingHours.HEADER) + "\n110101199003071234,20,2026-01-15 18:00,双碳目标和政策解读\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
            return java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static String dateText(Cell cell, DataFormatter formatter) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().format(COMPLETED_AT);
        }
        return text(cell, formatter);
    }

    private static void checkHeader(List<String> header) {
        if (!header.equals(List.of(TrainingHours.HEADER))) {
            throw BusinessException.invalid("CSV_HEADER_INVALID",
                    "表头应为：" + String.join(",", TrainingHours.HEADER) + "（当前为：" + String.join(",", header) + "）");
        }
    }

    private static String decode(byte[] csv) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(csv)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw BusinessException.invalid("CSV_NOT_UTF8", "CSV 文件不是 UTF-8 编码（Excel 请选择“CSV UTF-8”格式另存）");
        }
    }
}
