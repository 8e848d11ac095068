package cn.cabr.carbon.shared;

import java.util.List;
import java.util.function.IntUnaryOperator;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The look every exported workbook shares: a bold title over the columns and a grey, bold header row. */
public final class Workbooks {

    private Workbooks() {
    }

    public static XSSFCellStyle titleStyle(XSSFWorkbook workbook) {
        XSSFFont font = workbook.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) 14);
        XSSFCellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    public static XSSFCellStyle headerStyle(XSSFWorkbook workbook) {
        XSSFFont bold = workbook.createFont();
        bold.setBold(true);
        XSSFCellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    /** A title in the first row, merged over {@code columns} columns. */
    public static XSSFRow titleRow(XSSFSheet sheet, String title, int columns) {
        XSSFRow row = sheet.createRow(0);
        Cell cell = row.createCell(0);
        cell.setCellValue(title);
        cell.setCellStyle(titleStyle(sheet.getWorkbook()));
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
        return row;
    }

    /** The column headings in row {@code rowIndex}, each column {@code widthInChars.applyAsInt(column)} wide. */
    public static void headerRow(XSSFSheet sheet, int rowIndex, List<String> headers, IntUnaryOperator widthInChars) {
        XSSFCellStyle style = headerStyle(sheet.getWorkbook());
        XSSFRow row = sheet.createRow(rowIndex);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(style);
            sheet.setColumnWidth(c, widthInChars.applyAsInt(c) * 256);
        }
    }
}
