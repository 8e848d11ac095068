package cn.cabr.carbon.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.cabr.carbon.shared.Workbooks;

/** The certificate register of a session as an Excel workbook; names and ID numbers masked. */
public final class CertificateRegisterWorkbook {

    public static final String SHEET_NAME = "证书登记簿";
    public static final List<String> HEADERS = List.of(
            "证书编号", "姓名", "身份证号", "考期", "颁发日期", "状态", "撤销日期", "撤销原因", "换发后证书编号");

    private static final int HEADER_ROW = 1;
    private static final int[] WIDTHS = {26, 10, 22, 16, 12, 8, 12, 40, 26};

    /** One certificate, as the register shows it. */
    public record Row(String certificateNumber, String maskedName, String maskedIdNumber, String sessionName,
            LocalDate issuedOn, String status, LocalDate revokedOn, String revocationReason, String replacedBy) {
    }

    private CertificateRegisterWorkbook() {
    }

    public static byte[] write(String sessionName, List<Row> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(SHEET_NAME);
            XSSFCellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));

            Workbooks.titleRow(sheet, sessionName + " · " + SHEET_NAME, HEADERS.size()).setHeightInPoints(24);
            Workbooks.headerRow(sheet, HEADER_ROW, HEADERS, c -> WIDTHS[c]);
            int r = HEADER_ROW + 1;
            for (Row row : rows) {
                XSSFRow line = sheet.createRow(r++);
                text(line, 0, row.certificateNumber());
                text(line, 1, row.maskedName());
                text(line, 2, row.maskedIdNumber());
                text(line, 3, row.sessionName());
                date(line, 4, row.issuedOn(), date);
                text(line, 5, row.status());
                date(line, 6, row.revokedOn(), date);
                text(line, 7, row.revocationReason());
                text(line, 8, row.replacedBy());
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, r - 1), 0, HEADERS.size() - 1));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the certificate register", e);
        }
    }

    private static void text(XSSFRow row, int column, String value) {
        row.createCell(column).setCellValue(value == null ? "" : value);
    }

    private static void date(XSSFRow row, int column, LocalDate value, XSSFCellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }
}
