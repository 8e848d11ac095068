package cn.cabr.carbon.exam;

import java.util.List;

/**
 * What a question says, independent of its version: an import row, or the content of a stored version. Two
 * contents that are equal need no new version.
 */
public record QuestionContent(String code, QuestionType type, Subject subject, int module, Difficulty difficulty,
        int points, String stem, List<Question.Option> options, String answerKey, String referenceAnswer, String rubric,
        QuestionStatus status) {

    /** Equal apart from the status: a status change alone is not a new version. */
    public boolean sameWording(QuestionContent other) {
        return type == other.type && subject == other.subject && module == other.module
                && difficulty == other.difficulty && points == other.points && stem.equals(other.stem)
                && options.equals(other.options) && java.util.Objects.equals(answerKey, other.answerKey)
                && java.util.Objects.equals(referenceAnswer, other.referenceAnswer)
                && java.util.Objects.equals(rubric, other.rubric);
    }
}
