package cn.cabr.carbon.exam.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ItemAnalysisTests {

    private static final String SC = "SC-T1-01 v1";
    private static final String TF = "TF-T2-03 v1";
    private static final String MC = "MC-T3-02 v2";
    private static final String SA = "SA-T4-01 v1";

    /**
     * Five candidates, four items. Key: SC = B (1 pt), TF = TRUE (1 pt), MC = A,C (2 pts, 1 for a correct subset),
     * SA short answer (5 pts).
     *
     * <pre>
     * sitting   SC        TF          MC          SA      total
     *   1       B    1    FALSE  0    A,C   2     text 5    8
     *   2       B    1    TRUE   1    A     1     text 4    7
     *   3       B    1    TRUE   1    C     1     text 2    5
     *   4       C    0    TRUE   1    B     0     text 1    2
     *   5       -    0    TRUE   1    A,B   0     -    0    1
     * </pre>
     */
    private static List<ItemObservation> handExample() {
        return List.of(
                obs(SC, 1, 1, 1, "B"), obs(TF, 1, 0, 1, "FALSE"), obs(MC, 1, 2, 2, "A,C"), obs(SA, 1, 5, 5, "排放核算边界…"),
                obs(SC, 2, 1, 1, "B"), obs(TF, 2, 1, 1, "TRUE"), obs(MC, 2, 1, 2, "A"), obs(SA, 2, 4, 5, "活动数据乘以排放因子"),
                obs(SC, 3, 1, 1, "B"), obs(TF, 3, 1, 1, "TRUE"), obs(MC, 3, 1, 2, "C"), obs(SA, 3, 2, 5, "核查"),
                obs(SC, 4, 0, 1, "C"), obs(TF, 4, 1, 1, "TRUE"), obs(MC, 4, 0, 2, "B"), obs(SA, 4, 1, 5, "不清楚"),
                obs(SC, 5, 0, 1, null), obs(TF, 5, 1, 1, "TRUE"), obs(MC, 5, 0, 2, "A,B"), obs(SA, 5, 0, 5, null));
    }

    // Pearson correlation in integer form: r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)), n = 5,
    // x = item score, y = rest score = total − x.

    @Test
    void handComputedSingleChoice() {
        ItemStatistics sc = byCode(ItemAnalysis.analyse(handExample())).get(SC);
        // x = 1,1,1,0,0 -> mean 3/5 = 0.6, p = 0.6/1 = 0.6
        // y = 8-1, 7-1, 5-1, 2-0, 1-0 = 7,6,4,2,1
        // Σx = 3, Σy = 20, Σxy = 7+6+4 = 17, Σx² = 3, Σy² = 49+36+16+4+1 = 106
        // r = (5·17 − 3·20) / √((5·3 − 9)(5·106 − 400)) = 25 / √(6·130) = 25 / √780 = 0.8951435925...
        assertThat(sc.responses()).isEqualTo(5);
        assertThat(sc.omitted()).isEqualTo(1);
        assertThat(sc.meanScore()).isCloseTo(0.6, within(1e-9));
        assertThat(sc.difficulty()).isCloseTo(0.6, within(1e-9));
        assertThat(sc.discrimination()).isCloseTo(0.8951435925, within(1e-9));
        assertThat(sc.flagged()).isFalse();
        assertThat(sc.flagReason()).isNull();
    }

    @Test
    void handComputedTrueFalseWithNegativeDiscrimination() {
        ItemStatistics tf = byCode(ItemAnalysis.analyse(handExample())).get(TF);
        // x = 0,1,1,1,1 -> p = 4/5 = 0.8
        // y = 8-0, 7-1, 5-1, 2-1, 1-1 = 8,6,4,1,0 (the best candidate is the only one who got it wrong)
        // Σx = 4, Σy = 19, Σxy = 6+4+1+0 = 11, Σx² = 4, Σy² = 64+36+16+1+0 = 117
        // r = (5·11 − 4·19) / √((5·4 − 16)(5·117 − 361)) = −21 / √(4·224) = −21 / √896 = −0.7015607600...
        assertThat(tf.difficulty()).isCloseTo(0.8, within(1e-9));
        assertThat(tf.discrimination()).isCloseTo(-0.7015607600, within(1e-9));
        assertThat(tf.flagged()).isTrue();
        assertThat(tf.flagReason()).isEqualTo("区分度为负：高分考生答对率反而更低，请复核答案或题干");
        assertThat(tf.optionCounts()).containsExactly(entry("TRUE", 4), entry("FALSE", 1));
    }

    @Test
    void handComputedMultipleChoiceWithPartialCredit() {
        ItemStatistics mc = byCode(ItemAnalysis.analyse(handExample())).get(MC);
        // x = 2,1,1,0,0 -> mean 4/5 = 0.8, p = 0.8/2 = 0.4
        // y = 8-2, 7-1, 5-1, 2-0, 1-0 = 6,6,4,2,1
        // Σx = 4, Σy = 19, Σxy = 12+6+4 = 22, Σx² = 4+1+1 = 6, Σy² = 36+36+16+4+1 = 93
        // r = (5·22 − 4·19) / √((5·6 − 16)(5·93 − 361)) = 34 / √(14·104) = 34 / √1456 = 0.8910421112...
        assertThat(mc.maxPoints()).isEqualTo(2.0);
        assertThat(mc.meanScore()).isCloseTo(0.8, within(1e-9));
        assertThat(mc.difficulty()).isCloseTo(0.4, within(1e-9));
        assertThat(mc.discrimination()).isCloseTo(0.8910421112, within(1e-9));
        // A,C + A + C + B + A,B: every chosen label counts
        assertThat(mc.optionCounts()).containsExactly(entry("A", 3), entry("B", 2), entry("C", 2));
        assertThat(mc.optionDistribution()).isEqualTo("A:3 B:2 C:2");
    }

    @Test
    void handComputedShortAnswer() {
        ItemStatistics sa = byCode(ItemAnalysis.analyse(handExample())).get(SA);
        // x = 5,4,2,1,0 -> mean 12/5 = 2.4, p = 2.4/5 = 0.48
        // y = 8-5, 7-4, 5-2, 2-1, 1-0 = 3,3,3,1,1
        // Σx = 12, Σy = 11, Σxy = 15+12+6+1+0 = 34, Σx² = 25+16+4+1 = 46, Σy² = 9+9+9+1+1 = 29
        // r = (5·34 − 12·11) / √((5·46 − 144)(5·29 − 121)) = 38 / √(86·24) = 38 / √2064 = 0.8364283610...
        assertThat(sa.meanScore()).isCloseTo(2.4, within(1e-9));
        assertThat(sa.difficulty()).isCloseTo(0.48, within(1e-9));
        assertThat(sa.discrimination()).isCloseTo(0.8364283610, within(1e-9));
        assertThat(sa.optionCounts()).isEmpty();
        assertThat(sa.optionDistribution()).isEmpty();
        assertThat(sa.omitted()).isEqualTo(1);
    }

    @Test
    void oneRowPerItemSortedByCodeWithLabels() {
        List<ItemStatistics> rows = ItemAnalysis.analyse(handExample());
        assertThat(rows).extracting(ItemStatistics::itemCode).containsExactly(MC, SA, SC, TF);
        assertThat(rows.get(0).itemLabel()).isEqualTo("多项选择题 " + MC);
    }

    @Test
    void singleChoiceCountsOnlyChosenLabelsInLabelOrderAndOmissions() {
        List<ItemObservation> data = List.of(
                obs(SC, 1, 0, 1, "D"), obs(SC, 2, 1, 1, "B"), obs(SC, 3, 1, 1, "B"),
                obs(SC, 4, 0, 1, "A"), obs(SC, 5, 0, 1, null), obs(SC, 6, 0, 1, "  "));
        ItemStatistics sc = ItemAnalysis.analyse(data).get(0);
        assertThat(sc.optionCounts()).containsExactly(entry("A", 1), entry("B", 2), entry("D", 1));
        assertThat(sc.optionDistribution()).isEqualTo("A:1 B:2 D:1");
        assertThat(sc.responses()).isEqualTo(6);
        assertThat(sc.omitted()).isEqualTo(2);
        assertThat(sc.difficulty()).isCloseTo(2.0 / 6, within(1e-12));
    }

    @Test
    void multipleChoiceCountsEachLabelOncePerCandidate() {
        List<ItemObservation> data = List.of(
                obs(MC, 1, 2, 2, "A,C"), obs(MC, 2, 0, 2, "A, B, D"), obs(MC, 3, 1, 2, "C,C"), obs(MC, 4, 0, 2, null));
        ItemStatistics mc = ItemAnalysis.analyse(data).get(0);
        assertThat(mc.optionCounts()).containsExactly(entry("A", 2), entry("B", 1), entry("C", 2), entry("D", 1));
        assertThat(mc.omitted()).isEqualTo(1);
    }

    @Test
    void shortAnswerTextIsNeverMistakenForOptions() {
        List<ItemObservation> data = List.of(
                obs(SA, 1, 3, 5, "A"), obs(SA, 2, 2.5, 5, "温室气体排放量 = 活动数据 × 排放因子"), obs(SA, 3, 0, 5, null));
        ItemStatistics sa = ItemAnalysis.analyse(data).get(0);
        assertThat(sa.optionCounts()).isEmpty();
        assertThat(sa.omitted()).isEqualTo(1);
        assertThat(sa.meanScore()).isCloseTo(5.5 / 3, within(1e-12));
        assertThat(sa.difficulty()).isCloseTo(5.5 / 15, within(1e-12));
        // only one item in the data: every rest score is 0, no variance
        assertThat(sa.discrimination()).isNull();
    }

    @Test
    void discriminationIsNullWhenTheItemScoreHasNoVariance() {
        List<ItemObservation> data = List.of(
                obs(SC, 1, 1, 1, "B"), obs(TF, 1, 1, 1, "TRUE"),
                obs(SC, 2, 1, 1, "B"), obs(TF, 2, 0, 1, "FALSE"),
                obs(SC, 3, 1, 1, "B"), obs(TF, 3, 1, 1, "TRUE"));
        Map<String, ItemStatistics> rows = byCode(ItemAnalysis.analyse(data));
        assertThat(rows.get(SC).discrimination()).isNull(); // everyone correct
        assertThat(rows.get(SC).difficulty()).isEqualTo(1.0);
        assertThat(rows.get(SC).flagReason()).isEqualTo("过易");
        assertThat(rows.get(TF).discrimination()).isNull(); // rest score = SC score, constant
        assertThat(rows.get(TF).flagged()).isFalse();
    }

    @Test
    void discriminationIsNullForASingleObservation() {
        List<ItemObservation> data = List.of(obs(SC, 1, 1, 1, "B"), obs(TF, 1, 0, 1, "FALSE"),
                obs(TF, 2, 1, 1, "TRUE"));
        assertThat(byCode(ItemAnalysis.analyse(data)).get(SC).discrimination()).isNull();
    }

    @Test
    void restScoreUsesOnlyTheItemsOfThatSitting() {
        // sitting 3 had no SC (another paper form); its TF rest score is its SA score alone
        List<ItemObservation> data = List.of(
                obs(SC, 1, 1, 1, "B"), obs(TF, 1, 1, 1, "TRUE"), obs(SA, 1, 4, 5, "x"),
                obs(SC, 2, 0, 1, "A"), obs(TF, 2, 0, 1, "FALSE"), obs(SA, 2, 1, 5, "x"),
                obs(TF, 3, 1, 1, "TRUE"), obs(SA, 3, 2, 5, "x"));
        ItemStatistics tf = byCode(ItemAnalysis.analyse(data)).get(TF);
        // x = 1,0,1; y = 5,1,2 -> Σx=2, Σy=8, Σxy=7, Σx²=2, Σy²=30
        // r = (3·7 − 16) / √((6 − 4)(90 − 64)) = 5 / √52
        assertThat(tf.responses()).isEqualTo(3);
        assertThat(tf.discrimination()).isCloseTo(5 / Math.sqrt(52), within(1e-12));
    }

    @Test
    void tooHardItemIsFlagged() {
        List<ItemObservation> data = new ArrayList<>();
        for (long s = 1; s <= 25; s++) {
            data.add(obs(SC, s, 0, 1, "A"));
            data.add(obs(TF, s, s % 2, 1, s % 2 == 1 ? "TRUE" : "FALSE"));
        }
        ItemStatistics sc = byCode(ItemAnalysis.analyse(data)).get(SC);
        assertThat(sc.difficulty()).isZero();
        assertThat(sc.flagged()).isTrue();
        assertThat(sc.flagReason()).isEqualTo("过难");
    }

    @Test
    void negativeDiscriminationComesFirstWhenTheItemIsAlsoTooEasy() {
        // 21 candidates; SC answered correctly by 20 (p = 20/21 = 0.952 > 0.95), the one who missed it has the
        // highest rest score, so the correlation is negative
        List<ItemObservation> data = new ArrayList<>();
        for (long s = 1; s <= 21; s++) {
            data.add(obs(SC, s, s == 1 ? 0 : 1, 1, s == 1 ? "A" : "B"));
            data.add(obs(TF, s, s <= 2 ? 1 : 0, 1, s <= 2 ? "TRUE" : "FALSE"));
        }
        ItemStatistics sc = byCode(ItemAnalysis.analyse(data)).get(SC);
        assertThat(sc.difficulty()).isCloseTo(20.0 / 21, within(1e-12));
        assertThat(sc.discrimination()).isNegative();
        assertThat(sc.flagReason()).isEqualTo(ItemAnalysis.NEGATIVE_DISCRIMINATION + "；过易");
    }

    @Test
    void invalidScoresAreRejectedNamingItemAndSitting() {
        assertThatThrownBy(() -> ItemAnalysis.analyse(List.of(obs(SC, 41, Double.NaN, 1, "B"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SC).hasMessageContaining("41");
        assertThatThrownBy(() -> ItemAnalysis.analyse(List.of(obs(SC, 1, 1, 1, "B"), obs(MC, 42, -1, 2, "A"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(MC).hasMessageContaining("42");
        assertThatThrownBy(() -> ItemAnalysis.analyse(List.of(obs(SA, 43, 5.5, 5, "答"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SA).hasMessageContaining("43");
        assertThatThrownBy(() -> ItemAnalysis.analyse(List.of(obs(SA, 44, 0, 0, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SA).hasMessageContaining("44");
    }

    @Test
    void duplicateObservationsAndInconsistentMaximaAreRejected() {
        assertThatThrownBy(() -> ItemAnalysis.analyse(List.of(obs(SC, 7, 1, 1, "B"), obs(SC, 7, 0, 1, "A"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SC).hasMessageContaining("7");
        assertThatThrownBy(() -> ItemAnalysis.analyse(List.of(obs(SA, 1, 1, 5, "a"), obs(SA, 8, 1, 10, "b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SA).hasMessageContaining("8");
    }

    @Test
    void noObservationsGiveNoRows() {
        assertThat(ItemAnalysis.analyse(List.of())).isEmpty();
    }

    @Test
    void workbookHasHeaderOneRowPerItemAndMarksFlaggedRows() throws IOException {
        List<ItemStatistics> rows = ItemAnalysis.analyse(handExample());
        byte[] xlsx = ItemStatisticsWorkbook.write("2025年第二批 碳排放管理员（三级）", rows);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = workbook.getSheet("题目统计");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2025年第二批 碳排放管理员（三级）");
            Row header = sheet.getRow(1);
            assertThat(header.getLastCellNum()).isEqualTo((short) 10);
            for (int c = 0; c < 10; c++) {
                assertThat(header.getCell(c).getStringCellValue()).isEqualTo(ItemStatisticsWorkbook.HEADERS.get(c));
            }
            assertThat(ItemStatisticsWorkbook.HEADERS).containsExactly(
                    "题目", "说明", "作答人数", "未作答", "满分", "平均分", "难度 p", "区分度", "选项分布", "标记");
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + rows.size());
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);

            // rows follow the analysis order: MC, SA, SC, TF
            Row mc = sheet.getRow(2);
            assertThat(mc.getCell(0).getStringCellValue()).isEqualTo(MC);
            assertThat(mc.getCell(2).getNumericCellValue()).isEqualTo(5);
            assertThat(mc.getCell(4).getNumericCellValue()).isEqualTo(2);
            assertThat(mc.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(mc.getCell(6).getNumericCellValue()).isCloseTo(0.4, within(1e-9));
            assertThat(mc.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.000");
            assertThat(mc.getCell(7).getNumericCellValue()).isCloseTo(0.8910421112, within(1e-9));
            assertThat(mc.getCell(8).getStringCellValue()).isEqualTo("A:3 B:2 C:2");
            assertThat(mc.getCell(9).getStringCellValue()).isEmpty();
            assertThat(fill(mc)).isNull();

            Row tf = sheet.getRow(5);
            assertThat(tf.getCell(0).getStringCellValue()).isEqualTo(TF);
            assertThat(tf.getCell(7).getNumericCellValue()).isCloseTo(-0.7015607600, within(1e-9));
            assertThat(tf.getCell(8).getStringCellValue()).isEqualTo("TRUE:4 FALSE:1");
            assertThat(tf.getCell(9).getStringCellValue()).isEqualTo(ItemAnalysis.NEGATIVE_DISCRIMINATION);
            assertThat(fill(tf)).isEqualTo("FFC7CE");
        }
    }

    @Test
    void workbookShowsUndefinedDiscriminationAsText() throws IOException {
        List<ItemStatistics> rows = ItemAnalysis.analyse(List.of(obs(SA, 1, 3, 5, "答")));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ItemStatisticsWorkbook.write(null, rows)))) {
            Row row = workbook.getSheetAt(0).getRow(2);
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("—");
            assertThat(row.getCell(8).getStringCellValue()).isEmpty();
        }
    }

    private static String fill(Row row) {
        XSSFCellStyle style = (XSSFCellStyle) row.getCell(0).getCellStyle();
        return style.getFillForegroundXSSFColor() == null ? null : style.getFillForegroundXSSFColor().getARGBHex().substring(2);
    }

    private static ItemObservation obs(String code, long sitting, double score, double max, String chosen) {
        return new ItemObservation(code, label(code) + " " + code, sitting, score, max, chosen);
    }

    private static String label(String code) {
        return switch (code.substring(0, 2)) {
            case "SC" -> "单项选择题";
            case "MC" -> "多项选择题";
            case "TF" -> "判断题";
            default -> "简答题";
        };
    }

    private static Map<String, ItemStatistics> byCode(List<ItemStatistics> rows) {
        return rows.stream().collect(Collectors.toMap(ItemStatistics::itemCode, Function.identity()));
    }
}
