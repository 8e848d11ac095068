package cn.cabr.carbon.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.cabr.carbon.shared.Workbooks;

/** The audit log (a filtered part of it) as an Excel workbook, newest first; candidates' names masked. */
public final class AuditWorkbook {

    public static final String SHEET_NAME = "审计日志";
    public static final List<String> HEADERS = List.of(
            "编号", "时间", "操作人", "操作类型", "报名编号", "考生", "考期", "内容", "理由");
    private static final int[] WIDTHS = {8, 20, 14, 16, 20, 10, 12, 70, 40};

    private AuditWorkbook() {
    }

    static byte[] write(List<AuditSearch.Row> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(SHEET_NAME);
            XSSFCellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            Workbooks.headerRow(sheet, 0, HEADERS, c -> WIDTHS[c]);
            int r = 1;
            for (AuditSearch.Row row : rows) {
                XSSFRow line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.id());
                text(line, 1, row.occurredAtText(), null);
                text(line, 2, row.actor(), null);
                text(line, 3, row.actionLabel(), null);
                text(line, 4, row.applicationNumber(), null);
                text(line, 5, row.maskedName(), null);
                text(line, 6, row.sessionCode(), null);
                text(line, 7, row.detail(), wrap);
                text(line, 8, row.reason(), wrap);
            }
            sheet.createFreezePane(0, 1);
            if (!rows.isEmpty()) {
                sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, rows.size(), 0, HEADERS.size() - 1));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(XSSFRow line, int column, String value, XSSFCellStyle style) {
        Cell cell = line.createCell(column);
        // always a string cell: a reason starting with "=" stays text, never becomes a formula
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
