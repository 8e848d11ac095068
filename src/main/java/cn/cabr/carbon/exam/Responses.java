package cn.cabr.carbon.exam;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.cabr.carbon.shared.BusinessException;

/** Checks and normalises a candidate's response to a question, and grades objective ones. */
final class Responses {

    static final int MAX_SHORT_ANSWER_LENGTH = 4000;

    private Responses() {
    }

    /** The response in its stored form ("B", "A,C", "TRUE", text), or null for a cleared answer. */
    static String normalize(Question question, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Set<String> labels = question.options().stream().map(Question.Option::label).collect(Collectors.toSet());
        return switch (question.getQuestionType()) {
            case SINGLE_CHOICE, TRUE_FALSE -> {
                String choice = raw.strip().toUpperCase();
                if (!labels.contains(choice)) {
                    throw invalid("只能选择以下选项之一：" + String.join("、", new TreeSet<>(labels)));
                }
                yield choice;
            }
            case MULTIPLE_CHOICE -> {
                TreeSet<String> chosen = Arrays.stream(raw.split(",")).map(s -> s.strip().toUpperCase())
                        .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
                if (chosen.isEmpty() || !labels.containsAll(chosen)) {
                    throw invalid("请用逗号分隔所选选项，只能包含：" + String.join("、", new TreeSet<>(labels)));
                }
                yield String.join(",", chosen);
            }
            case SHORT_ANSWER -> {
                if (raw.length() > MAX_SHORT_ANSWER_LENGTH) {
                    throw invalid("简答题作答不超过 " + MAX_SHORT_ANSWER_LENGTH + " 字");
                }
                yield raw;
            }
        };
    }

    /** Objective questions: full points for exactly the key (multiple choice is all-or-nothing), else 0. */
    static int autoScore(PaperItem item, String response) {
        String key = item.getQuestion().getAnswerKey();
        return response != null && response.equals(key) ? item.getPoints() : 0;
    }

    static List<String> labelsOf(Question question) {
        return question.options().stream().map(Question.Option::label).toList();
    }

    private static BusinessException invalid(String message) {
        return BusinessException.invalid("ANSWER_INVALID", "答案格式不正确：" + message);
    }
}
