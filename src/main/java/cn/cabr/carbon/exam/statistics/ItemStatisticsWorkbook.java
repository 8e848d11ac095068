package cn.cabr.carbon.exam.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes item statistics as an Excel workbook for the managers reviewing a session's questions. */
public final class ItemStatisticsWorkbook {

    public static final String SHEET_NAME = "题目统计";
    public static final List<String> HEADERS = List.of(
            "题目", "说明", "作答人数", "未作答", "满分", "平均分", "难度 p", "区分度", "选项分布", "标记");
    /** Excel's "light red fill". */
    static final byte[] FLAG_FILL_RGB = { (byte) 0xFF, (byte) 0xC7, (byte) 0xCE };

    private static final int TITLE_ROW = 0;
    private static final int HEADER_ROW = 1;
    private static final int MAX_COLUMN_CHARS = 60;

    private ItemStatisticsWorkbook() {
    }

    public static byte[] write(String sessionName, List<ItemStatistics> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(SHEET_NAME);
            writeTitle(sheet, styles, sessionName);
            Row header = sheet.createRow(HEADER_ROW);
            for (int c = 0; c < HEADERS.size(); c++) {
                text(header, c, HEADERS.get(c), styles.header);
            }
            int r = HEADER_ROW + 1;
            for (ItemStatistics item : rows) {
                writeItem(sheet.createRow(r++), item, styles);
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            sizeColumns(sheet);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the item statistics workbook", e);
        }
    }

    private static void writeTitle(XSSFSheet sheet, Styles styles, String sessionName) {
        String title = sessionName == null || sessionName.isBlank() ? SHEET_NAME : sessionName + " · " + SHEET_NAME;
        Row row = sheet.createRow(TITLE_ROW);
        row.setHeightInPoints(24);
        text(row, 0, title, styles.title);
        sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, HEADERS.size() - 1));
    }

    private static void writeItem(Row row, ItemStatistics item, Styles styles) {
        boolean f = item.flagged();
        text(row, 0, item.itemCode(), styles.get("@", f));
        text(row, 1, item.itemLabel(), styles.get("@", f));
        number(row, 2, item.responses(), styles.get("0", f));
        number(row, 3, item.omitted(), styles.get("0", f));
        number(row, 4, item.maxPoints(), styles.get("General", f));
        number(row, 5, item.meanScore(), styles.get("0.00", f));
        number(row, 6, item.difficulty(), styles.get("0.000", f));
        if (item.discrimination() == null) {
            text(row, 7, "—", styles.get("@", f)); // undefined: too few answers or no variance
        } else {
            number(row, 7, item.discrimination(), styles.get("0.000", f));
        }
        text(row, 8, item.optionDistribution(), styles.get("@", f));
        text(row, 9, item.flagReason(), styles.get("@", f));
    }

    private static void text(Row row, int column, String value, XSSFCellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int column, double value, XSSFCellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Widths from the content (CJK characters count double); autoSizeColumn measures CJK poorly on servers. */
    private static void sizeColumns(XSSFSheet sheet) {
        for (int c = 0; c < HEADERS.size(); c++) {
            int chars = displayWidth(HEADERS.get(c)) + 2;
            for (int r = HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                Cell cell = sheet.getRow(r).getCell(c);
                String shown = cell.getCellType() == CellType.STRING
                        ? cell.getStringCellValue() : "0.000";
                chars = Math.max(chars, displayWidth(shown) + 2);
            }
            sheet.setColumnWidth(c, Math.min(chars, MAX_COLUMN_CHARS) * 256);
        }
    }

    private static int displayWidth(String s) {
        return s.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
    }

    private static final class Styles {

        private final XSSFWorkbook workbook;
        private final Map<String, XSSFCellStyle> cache = new HashMap<>();
        final XSSFCellStyle title;
        final XSSFCellStyle header;

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            XSSFFont titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(titleFont);

            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            header = bordered();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        XSSFCellStyle get(String format, boolean flagged) {
            return cache.computeIfAbsent(format + flagged, k -> {
                XSSFCellStyle style = bordered();
                style.setDataFormat(workbook.createDataFormat().getFormat(format));
                if (flagged) {
                    style.setFillForegroundColor(new XSSFColor(FLAG_FILL_RGB, null));
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
                return style;
            });
        }

        private XSSFCellStyle bordered() {
            XSSFCellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
