package cn.cabr.carbon.exam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.cabr.carbon.shared.BusinessException;

/**
 * Draws one candidate's paper from a blueprint: for every cell its count of items at random from the active
 * questions of that cell, then the items of each section (single choice, multiple choice, true/false, short
 * answer) in random order, and the options of every choice item in random order. Everything comes from one
 * seeded random sequence over a pool sorted by code, so the same seed and the same bank give the same paper.
 */
final class PaperDrawer {

    record DrawnItem(Question question, int points, String optionOrder) {
    }

    private PaperDrawer() {
    }

    static List<DrawnItem> draw(List<BlueprintLine.Cell> blueprint, List<Question> activePool, long seed) {
        Random random = new Random(seed);
        List<Question> pool = activePool.stream()
                .sorted(Comparator.comparing(Question::getCode).thenComparingInt(Question::getVersion)).toList();
        Map<QuestionType, List<DrawnItem>> sections = new EnumMap<>(QuestionType.class);
        List<BlueprintLine.Cell> cells = blueprint.stream().sorted(Comparator.comparing(BlueprintLine.Cell::type)
                .thenComparing(BlueprintLine.Cell::subject).thenComparingInt(BlueprintLine.Cell::module)
                .thenComparingInt(BlueprintLine.Cell::points)).toList();
        for (BlueprintLine.Cell cell : cells) {
            List<Question> candidates = new ArrayList<>(pool.stream().filter(cell::sameCell).toList());
            if (candidates.size() < cell.count()) {
                throw BusinessException.conflict("PAPER_CANNOT_BE_DRAWN", "试卷无法生成：" + cell.describe() + "需要 "
                        + cell.count() + " 道，题库中只有 " + candidates.size() + " 道，请联系考务客服");
            }
            Collections.shuffle(candidates, random);
            for (Question q : candidates.subList(0, cell.count())) {
                sections.computeIfAbsent(cell.type(), t -> new ArrayList<>())
                        .add(new DrawnItem(q, cell.points(), optionOrder(q, random)));
            }
        }
        List<DrawnItem> paper = new ArrayList<>();
        for (List<DrawnItem> section : sections.values()) {
            Collections.shuffle(section, random);
            paper.addAll(section);
        }
        return paper;
    }

    /** A random order of a choice item's labels; true/false and short answers keep theirs. */
    private static String optionOrder(Question q, Random random) {
        if (q.getQuestionType() != QuestionType.SINGLE_CHOICE && q.getQuestionType() != QuestionType.MULTIPLE_CHOICE) {
            return null;
        }
        List<String> labels = new ArrayList<>(q.options().stream().map(Question.Option::label).toList());
        Collections.shuffle(labels, random);
        return String.join("", labels);
    }
}
