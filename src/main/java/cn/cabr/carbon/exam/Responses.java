package cn.cabr.carbon.exam;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.cabr.carbon.session.MultipleChoicePolicy;
import cn.cabr.carbon.shared.BusinessException;

/** Checks a candidate's response against the item as they see it, stores it in the question's labels, grades it. */
final class Responses {

    static final int MAX_SHORT_ANSWER_LENGTH = 4000;

    private Responses() {
    }

    /** The response in its stored form ("B", "A,C", "TRUE", text), or null for a cleared answer. */
    static String normalize(SittingItem item, String raw) {
        return normalize(item, item.getQuestion(), raw);
    }

    /** With the item's question version given (from the cache, on the hot path of saves). */
    static String normalize(SittingItem item, Question question, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Set<String> shown = item.displayedOptions(question).stream().map(Question.Option::label)
                .collect(Collectors.toCollection(TreeSet::new));
        return switch (question.getQuestionType()) {
            case SINGLE_CHOICE, TRUE_FALSE -> {
                String choice = raw.strip().toUpperCase();
                if (!shown.contains(choice)) {
                    throw invalid("只能选择以下选项之一：" + String.join("、", shown));
                }
                yield item.toOwnLabel(choice);
            }
            case MULTIPLE_CHOICE -> {
                TreeSet<String> chosen = Arrays.stream(raw.split(",")).map(s -> s.strip().toUpperCase())
                        .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
                if (chosen.isEmpty() || !shown.containsAll(chosen)) {
                    throw invalid("请用逗号分隔所选选项，只能包含：" + String.join("、", shown));
                }
                yield chosen.stream().map(item::toOwnLabel).sorted().collect(Collectors.joining(","));
            }
            case SHORT_ANSWER -> {
                if (raw.length() > MAX_SHORT_ANSWER_LENGTH) {
                    throw invalid("简答题作答不超过 " + MAX_SHORT_ANSWER_LENGTH + " 字");
                }
                yield raw;
            }
        };
    }

    /**
     * Objective items: full points for exactly the key. A multiple-choice answer that is a non-empty part of the
     * key gets half the points (rounded down) under the session's half-credit policy; any wrong option gets 0.
     */
    static int autoScore(SittingItem item, String response, MultipleChoicePolicy policy) {
        String key = item.getQuestion().getAnswerKey();
        if (response == null) {
            return 0;
        }
        if (response.equals(key)) {
            return item.getPoints();
        }
        if (item.getQuestion().getQuestionType() == QuestionType.MULTIPLE_CHOICE
                && policy == MultipleChoicePolicy.HALF_FOR_SUBSET) {
            Set<String> keyLabels = Set.of(key.split(","));
            if (keyLabels.containsAll(Arrays.asList(response.split(",")))) {
                return item.getPoints() / 2;
            }
        }
        return 0;
    }

    private static BusinessException invalid(String message) {
        return BusinessException.invalid("ANSWER_INVALID", "答案格式不正确：" + message);
    }
}
