package cn.cabr.carbon.exam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.cabr.carbon.shared.BusinessException;

/**
 * The question bank as an .xlsx sheet, one question per row, columns found by their Chinese headers (so editors
 * may reorder them). What {@link #write} exports, {@link #read} imports unchanged.
 */
public final class QuestionWorkbook {

    static final String CODE = "编号";
    static final String VERSION = "版本";
    static final String TYPE = "题型";
    static final String SUBJECT = "科目";
    static final String MODULE = "模块";
    static final String DIFFICULTY = "难度";
    static final String POINTS = "分值";
    static final String STEM = "题干";
    static final String ANSWER = "答案";
    static final String REFERENCE = "参考答案";
    static final String RUBRIC = "评分要点";
    static final String STATUS = "状态";
    static final List<String> REQUIRED = List.of(CODE, TYPE, SUBJECT, MODULE, DIFFICULTY, POINTS, STEM, ANSWER);
    static final List<String> HEADERS = List.of(CODE, VERSION, TYPE, SUBJECT, MODULE, DIFFICULTY, POINTS, STEM,
            "选项A", "选项B", "选项C", "选项D", "选项E", ANSWER, REFERENCE, RUBRIC, STATUS);

    private QuestionWorkbook() {
    }

    public static List<BankRow> read(byte[] xlsx) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> columns = new HashMap<>();
            if (header != null) {
                header.forEach(cell -> columns.put(formatter.formatCellValue(cell).strip(), cell.getColumnIndex()));
            }
            List<String> missing = REQUIRED.stream().filter(h -> !columns.containsKey(h)).toList();
            if (!missing.isEmpty()) {
                throw BusinessException.invalid("BANK_HEADER_INVALID", "第一行须为表头，缺少列：" + String.join("、", missing)
                        + "（可先导出题库，按导出的表头填写）");
            }
            List<BankRow> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || isBlank(row, formatter)) {
                    continue;
                }
                List<String> options = new ArrayList<>();
                for (String label : BankRow.OPTION_LABELS) {
                    options.add(cell(row, columns.get("选项" + label), formatter));
                }
                rows.add(new BankRow(r + 1, cell(row, columns.get(CODE), formatter), cell(row, columns.get(TYPE), formatter),
                        cell(row, columns.get(SUBJECT), formatter), cell(row, columns.get(MODULE), formatter),
                        cell(row, columns.get(DIFFICULTY), formatter), cell(row, columns.get(POINTS), formatter),
                        cell(row, columns.get(STEM), formatter), options, cell(row, columns.get(ANSWER), formatter),
                        cell(row, columns.get(REFERENCE), formatter), cell(row, columns.get(RUBRIC), formatter),
                        cell(row, columns.get(STATUS), formatter)));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException business) {
                throw business;
            }
            throw BusinessException.invalid("BANK_FILE_UNREADABLE", "文件无法读取：请上传 Excel 工作簿（.xlsx），第一个工作表为题库");
        }
    }

    public static byte[] write(List<Question> questions) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("题库");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (Question q : questions) {
                Row row = sheet.createRow(r++);
                List<String> options = q.getQuestionType() == QuestionType.TRUE_FALSE ? List.of()
                        : q.options().stream().map(Question.Option::text).toList();
                List<Object> values = new ArrayList<>(List.of(q.getCode(), q.getVersion(), q.getQuestionType().label(),
                        q.getSubject().label(), q.getSyllabusModule(), q.getDifficulty().label(), q.getPoints(), q.getStem()));
                for (int i = 0; i < BankRow.OPTION_LABELS.size(); i++) {
                    values.add(i < options.size() ? options.get(i) : "");
                }
                values.add(answerText(q));
                values.add(q.getReferenceAnswer() == null ? "" : q.getReferenceAnswer());
                values.add(q.getRubric() == null ? "" : q.getRubric());
                values.add(q.getStatus().label());
                for (int i = 0; i < values.size(); i++) {
                    Cell cell = row.createCell(i);
                    if (values.get(i) instanceof Integer n) {
                        cell.setCellValue(n);
                    } else {
                        cell.setCellValue(String.valueOf(values.get(i)));
                        cell.setCellStyle(wrap);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            int[] widths = {12, 6, 12, 16, 6, 6, 6, 60, 24, 24, 24, 24, 24, 10, 40, 40, 8};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String answerText(Question q) {
        if (q.getAnswerKey() == null) {
            return "";
        }
        return switch (q.getAnswerKey()) {
            case "TRUE" -> "正确";
            case "FALSE" -> "错误";
            default -> q.getAnswerKey();
        };
    }

    private static String cell(Row row, Integer column, DataFormatter formatter) {
        if (column == null) {
            return null;
        }
        Cell cell = row.getCell(column);
        return cell == null ? null : formatter.formatCellValue(cell);
    }

    private static boolean isBlank(Row row, DataFormatter formatter) {
        for (Cell cell : row) {
            if (!formatter.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
