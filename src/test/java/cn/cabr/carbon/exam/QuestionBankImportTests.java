package cn.cabr.carbon.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.demo.SampleDocuments;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * The bank as an .xlsx workbook: good files import (new questions, new versions, unchanged ones), bad files name
 * every wrong row and import nothing, and an export imports back unchanged. Test questions are worth 7 points, a
 * value no blueprint uses, so they never reach another test's paper.
 */
@IntegrationTest
class QuestionBankImportTests {

    static final List<String> HEADER = List.of("编号", "题型", "科目", "模块", "难度", "分值", "题干", "选项A", "选项B", "选项C",
            "选项D", "答案", "参考答案", "评分要点", "状态");

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    QuestionBank bank;

    final String prefix = "ZT" + ThreadLocalRandom.current().nextInt(100, 999);

    @Test
    void aGoodFile_imports_thenAChangeBecomesANewVersion_andTheOldOneIsRetired() throws IOException {
        ApiClient manager = fixtures.staff("manager");
        List<List<String>> rows = List.of(
                row(prefix + "-1", "单项选择题", "碳排放管理理论", "1", "容易", "我国力争于哪一年前实现碳达峰？", "2025", "2030", "2035", "2060", "B"),
                row(prefix + "-2", "多选题", "实务", "2", "中等", "下列属于直接排放的有（ ）。", "化石燃料燃烧", "工业过程", "外购电力", "自有车辆", "ABD"),
                row(prefix + "-3", "判断题", "碳排放管理理论", "3", "较难", "ISO 50001 采用 PDCA 方法。", "", "", "", "", "正确"),
                shortAnswer(prefix + "-4", "简述排放因子法。"));
        JsonNode first = manager.uploadFile("/api/manager/question-bank", "bank.xlsx", QuestionBankController.XLSX,
                workbook(HEADER, rows)).json();
        assertThat(first.get("created").asInt()).isEqualTo(4);
        Question mc = latest(prefix + "-2");
        assertThat(mc.getAnswerKey()).isEqualTo("A,B,D");
        assertThat(mc.getSubject()).isEqualTo(Subject.PRACTICE);
        assertThat(latest(prefix + "-3").getAnswerKey()).isEqualTo("TRUE");

        JsonNode again = manager.uploadFile("/api/manager/question-bank", "bank.xlsx", QuestionBankController.XLSX,
                workbook(HEADER, rows)).json();
        assertThat(again.get("unchanged").asInt()).isEqualTo(4);
        assertThat(again.get("created").asInt()).isZero();

        List<List<String>> edited = List.of(row(prefix + "-1", "单项选择题", "碳排放管理理论", "1", "容易",
                "我国二氧化碳排放力争于哪一年前达到峰值？", "2025", "2030", "2035", "2060", "B"));
        assertThat(manager.uploadFile("/api/manager/question-bank", "bank.xlsx", QuestionBankController.XLSX,
                workbook(HEADER, edited)).json().get("newVersions").asInt()).isEqualTo(1);
        Question v2 = latest(prefix + "-1");
        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(v2.getStatus()).isEqualTo(QuestionStatus.ACTIVE);
        assertThat(bank.active().stream().filter(q -> q.getCode().equals(prefix + "-1")).toList())
                .as("only one active version").hasSize(1).first().extracting(Question::getVersion).isEqualTo(2);
    }

    @Test
    void aFileWithWrongRows_namesEveryOne_andImportsNothing() throws IOException {
        List<List<String>> rows = List.of(
                row(prefix + "-5", "单项选择题", "碳排放管理理论", "1", "容易", "正确的一行", "甲", "乙", "丙", "丁", "A"),
                row(prefix + "-6", "填空题", "碳排放管理理论", "1", "容易", "题型不对", "甲", "乙", "", "", "A"),
                row(prefix + "-7", "单项选择题", "碳排放管理理论", "7", "容易", "模块不对且答案不在选项中", "甲", "乙", "", "", "E"),
                row(prefix + "-8", "简答题", "碳排放管理实务", "2", "中等", "缺少评分要点", "", "", "", "", ""),
                row(prefix + "-5", "判断题", "碳排放管理实务", "2", "中等", "编号重复", "", "", "", "", "错误"));
        ApiClient.Response refused = fixtures.staff("manager").uploadFile("/api/manager/question-bank", "bank.xlsx",
                QuestionBankController.XLSX, workbook(HEADER, rows));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("BANK_IMPORT_REJECTED");
        assertThat(refused.message()).contains("共 4 行有误").contains("第 3 行：题型“填空题”无效")
                .contains("第 4 行：模块应为 1–5").contains("答案“E”不在选项 A、B 之中")
                .contains("第 5 行：简答题缺少参考答案；简答题缺少评分要点").contains("第 6 行：编号“" + prefix + "-5”在文件中重复")
                .doesNotContain("第 2 行");
        assertThat(bank.contains(prefix + "-5")).as("the good row was not imported either").isFalse();
    }

    @Test
    void aMissingColumnOrAFileThatIsNoWorkbook_isExplained() throws IOException {
        ApiClient manager = fixtures.staff("manager");
        ApiClient.Response noAnswerColumn = manager.uploadFile("/api/manager/question-bank", "bank.xlsx",
                QuestionBankController.XLSX, workbook(HEADER.subList(0, 11), List.of()));
        assertThat(noAnswerColumn.code()).isEqualTo("BANK_HEADER_INVALID");
        assertThat(noAnswerColumn.message()).contains("答案");
        ApiClient.Response pdf = manager.uploadFile("/api/manager/question-bank", "bank.xlsx",
                QuestionBankController.XLSX, SampleDocuments.pdf("not a workbook"));
        assertThat(pdf.code()).isEqualTo("BANK_FILE_UNREADABLE");
        assertThat(fixtures.candidate("题库越权").client().uploadFile("/api/manager/question-bank", "bank.xlsx",
                QuestionBankController.XLSX, workbook(HEADER, List.of())).status()).isEqualTo(403);
    }

    @Test
    void theExport_importsBackUnchanged() throws IOException {
        ApiClient manager = fixtures.staff("manager");
        ApiClient.Response export = manager.get("/api/manager/question-bank.xlsx");
        assertThat(export.status()).isEqualTo(200);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(200);
        }
        JsonNode report = manager.uploadFile("/api/manager/question-bank", "export.xlsx", QuestionBankController.XLSX,
                export.body()).json();
        assertThat(report.get("created").asInt()).isZero();
        assertThat(report.get("newVersions").asInt()).isZero();
        assertThat(report.get("statusChanged").asInt()).isZero();
        assertThat(report.get("unchanged").asInt()).isEqualTo(report.get("rows").asInt());
    }

    private Question latest(String code) {
        return bank.latestVersions().stream().filter(q -> q.getCode().equals(code)).findFirst().orElseThrow();
    }

    private static List<String> row(String code, String type, String subject, String module, String difficulty,
            String stem, String a, String b, String c, String d, String answer) {
        return List.of(code, type, subject, module, difficulty, "7", stem, a, b, c, d, answer, "", "", "启用");
    }

    private static List<String> shortAnswer(String code, String stem) {
        return List.of(code, "简答题", "碳排放管理实务", "2", "中等", "7", stem, "", "", "", "", "",
                "排放量等于活动数据乘以排放因子。", "1. 公式（4分）2. 数据来源（3分）", "启用");
    }

    static byte[] workbook(List<String> header, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("题库");
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < header.size() && i < rows.get(r).size(); i++) {
                    if (i == 3 && rows.get(r).get(i).matches("\\d+")) {
                        row.createCell(i).setCellValue(Integer.parseInt(rows.get(r).get(i)));
                    } else {
                        row.createCell(i).setCellValue(rows.get(r).get(i));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
