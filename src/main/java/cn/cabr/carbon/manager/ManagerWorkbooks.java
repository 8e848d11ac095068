package cn.cabr.carbon.manager;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.cabr.carbon.shared.Workbooks;

/**
 * The session's roster and results as Excel workbooks: a title row, a header row (row 2), then one row per
 * application; names and ID numbers masked as in the certificate register.
 */
final class ManagerWorkbooks {

    static final String ROSTER_SHEET = "考生名单";
    static final List<String> ROSTER_HEADERS = List.of("报名编号", "姓名", "身份证号", "报名状态", "案件结论", "提交时间");
    static final String RESULTS_SHEET = "考试成绩";
    static final List<String> RESULTS_HEADERS = List.of("报名编号", "姓名", "身份证号", "客观题得分", "简答题得分", "总分",
            "满分", "及格分", "结论", "是否已公布", "公布时间");
    static final int HEADER_ROW = 1;

    private ManagerWorkbooks() {
    }

    /** A row's cells: String or Integer (numbers stay numbers in Excel), null for empty. */
    static byte[] write(String title, String sheetName, List<String> headers, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(sheetName);
            Workbooks.titleRow(sheet, title, headers.size());
            Workbooks.headerRow(sheet, HEADER_ROW, headers, c -> c == 0 || c == 2 ? 22 : 14);
            int r = HEADER_ROW + 1;
            for (List<Object> row : rows) {
                XSSFRow line = sheet.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number n) {
                        line.createCell(c).setCellValue(n.doubleValue());
                    } else if (value != null) {
                        line.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, r - 1), 0, headers.size() - 1));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the workbook", e);
        }
    }
}
