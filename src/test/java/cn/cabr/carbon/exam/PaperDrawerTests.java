package cn.cabr.carbon.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.cabr.carbon.shared.BusinessException;

/** Drawing papers from a blueprint: reproducible from the seed, different per candidate, every cell honoured. */
class PaperDrawerTests {

    static final List<BlueprintLine.Cell> BLUEPRINT = List.of(
            new BlueprintLine.Cell(QuestionType.SINGLE_CHOICE, Subject.THEORY, 1, 1, 3),
            new BlueprintLine.Cell(QuestionType.SINGLE_CHOICE, Subject.PRACTICE, 2, 1, 2),
            new BlueprintLine.Cell(QuestionType.MULTIPLE_CHOICE, Subject.THEORY, 1, 2, 2),
            new BlueprintLine.Cell(QuestionType.TRUE_FALSE, Subject.PRACTICE, 2, 1, 2),
            new BlueprintLine.Cell(QuestionType.SHORT_ANSWER, Subject.THEORY, 3, 12, 1));

    static final List<Question> POOL = pool();

    @Test
    void theSameSeed_drawsTheSamePaper() {
        assertThat(describe(PaperDrawer.draw(BLUEPRINT, POOL, 42))).isEqualTo(describe(PaperDrawer.draw(BLUEPRINT, POOL, 42)));
        List<Question> reversed = new ArrayList<>(POOL);
        java.util.Collections.reverse(reversed);
        assertThat(describe(PaperDrawer.draw(BLUEPRINT, reversed, 42)))
                .as("the pool's order as loaded does not matter").isEqualTo(describe(PaperDrawer.draw(BLUEPRINT, POOL, 42)));
    }

    @Test
    void differentCandidates_getDifferentItemsOrdersAndOptionOrders() {
        Set<List<String>> papers = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            papers.add(describe(PaperDrawer.draw(BLUEPRINT, POOL, seed)));
        }
        assertThat(papers).hasSizeGreaterThan(15);
    }

    @Test
    void everyCellOfTheBlueprint_isHonoured_inSectionsByType() {
        for (long seed = 1; seed <= 10; seed++) {
            List<PaperDrawer.DrawnItem> paper = PaperDrawer.draw(BLUEPRINT, POOL, seed);
            assertThat(paper).hasSize(10);
            Map<String, Long> perCell = paper.stream().collect(Collectors.groupingBy(d -> cellOf(d.question()) + "|" + d.points(),
                    Collectors.counting()));
            for (BlueprintLine.Cell cell : BLUEPRINT) {
                assertThat(perCell.get(cell.type() + "|" + cell.subject() + "|" + cell.module() + "|" + cell.points()))
                        .as(cell.describe()).isEqualTo(cell.count());
            }
            assertThat(paper.stream().map(d -> d.question().getCode()).distinct()).hasSize(10);
            List<QuestionType> types = paper.stream().map(d -> d.question().getQuestionType()).toList();
            assertThat(types).isSortedAccordingTo(Enum::compareTo);
            assertThat(paper.stream().mapToInt(PaperDrawer.DrawnItem::points).sum()).isEqualTo(3 + 2 + 4 + 2 + 12);
        }
    }

    @Test
    void choiceOptionsAreShuffled_asAPermutationOfTheirLabels_trueFalseAndShortAnswersAreNot() {
        Set<String> orders = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            for (PaperDrawer.DrawnItem d : PaperDrawer.draw(BLUEPRINT, POOL, seed)) {
                QuestionType type = d.question().getQuestionType();
                if (type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE) {
                    assertThat(d.optionOrder().chars().sorted().mapToObj(c -> String.valueOf((char) c))
                            .collect(Collectors.joining())).isEqualTo("ABCD");
                    orders.add(d.optionOrder());
                } else {
                    assertThat(d.optionOrder()).isNull();
                }
            }
        }
        assertThat(orders).hasSizeGreaterThan(5);
    }

    @Test
    void aShuffledItem_mapsShownLabelsToItsOwnAndBack() {
        Question q = question("SC-X-01", QuestionType.SINGLE_CHOICE, Subject.THEORY, 1, 1, "C");
        SittingItem item = new SittingItem(1L, 1, q, 1, "CADB");
        assertThat(item.displayedOptions()).extracting(Question.Option::label, Question.Option::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "选项C"), org.assertj.core.groups.Tuple.tuple("B", "选项A"),
                        org.assertj.core.groups.Tuple.tuple("C", "选项D"), org.assertj.core.groups.Tuple.tuple("D", "选项B"));
        assertThat(Responses.normalize(item, "a")).isEqualTo("C");
        assertThat(item.toShown("C")).isEqualTo("A");
        SittingItem multiple = new SittingItem(1L, 2, question("MC-X-01", QuestionType.MULTIPLE_CHOICE, Subject.THEORY, 1, 2,
                "A,B"), 2, "DCBA");
        assertThat(Responses.normalize(multiple, "C, D")).isEqualTo("A,B");
        assertThat(multiple.toShown("A,B")).isEqualTo("C,D");
    }

    @Test
    void aCellTheBankCannotFill_isRefusedWithTheCell() {
        List<BlueprintLine.Cell> tooMany = List.of(new BlueprintLine.Cell(QuestionType.SHORT_ANSWER, Subject.THEORY, 3, 12, 5));
        assertThatThrownBy(() -> PaperDrawer.draw(tooMany, POOL, 1)).isInstanceOf(BusinessException.class)
                .hasMessageContaining("简答题·碳排放管理理论·模块3·每题12分需要 5 道，题库中只有 3 道");
    }

    private static List<String> describe(List<PaperDrawer.DrawnItem> paper) {
        return paper.stream().map(d -> d.question().versionCode() + ":" + d.optionOrder()).toList();
    }

    private static String cellOf(Question q) {
        return q.getQuestionType() + "|" + q.getSubject() + "|" + q.getSyllabusModule();
    }

    private static List<Question> pool() {
        List<Question> pool = new ArrayList<>();
        Function<Integer, String> n = i -> String.format("%02d", i);
        for (int i = 1; i <= 8; i++) {
            pool.add(question("SC-T1-" + n.apply(i), QuestionType.SINGLE_CHOICE, Subject.THEORY, 1, 1, "B"));
            pool.add(question("SC-P2-" + n.apply(i), QuestionType.SINGLE_CHOICE, Subject.PRACTICE, 2, 1, "A"));
            pool.add(question("MC-T1-" + n.apply(i), QuestionType.MULTIPLE_CHOICE, Subject.THEORY, 1, 2, "A,C"));
            pool.add(question("TF-P2-" + n.apply(i), QuestionType.TRUE_FALSE, Subject.PRACTICE, 2, 1, "TRUE"));
        }
        for (int i = 1; i <= 3; i++) {
            pool.add(question("SA-T3-" + n.apply(i), QuestionType.SHORT_ANSWER, Subject.THEORY, 3, 12, null));
        }
        pool.add(question("SC-T1-99", QuestionType.SINGLE_CHOICE, Subject.THEORY, 1, 3, "B"));
        return pool;
    }

    static Question question(String code, QuestionType type, Subject subject, int module, int points, String key) {
        List<Question.Option> options = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE
                ? List.of(new Question.Option("A", "选项A"), new Question.Option("B", "选项B"),
                        new Question.Option("C", "选项C"), new Question.Option("D", "选项D"))
                : List.of();
        return new Question(new QuestionContent(code, type, subject, module, Difficulty.MEDIUM, points, "题干 " + code, options,
                key, type == QuestionType.SHORT_ANSWER ? "参考答案" : null, type == QuestionType.SHORT_ANSWER ? "要点（12分）" : null,
                QuestionStatus.ACTIVE), 1, Instant.EPOCH);
    }
}
