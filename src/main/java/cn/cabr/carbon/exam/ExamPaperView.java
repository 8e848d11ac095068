package cn.cabr.carbon.exam;

import java.time.Instant;
import java.util.List;

/**
 * What the candidate's exam page shows. Questions appear only while the sitting is in progress; never the keys.
 * Options carry the labels the candidate sees (their own shuffled order).
 */
public record ExamPaperView(String applicationNumber, String sessionName, SittingStatus status, String statusLabel,
        Instant serverTime, Instant deadline, long remainingSeconds, int durationMinutes, int extraMinutes,
        int totalPoints, String supportContact, boolean sequentialNavigation, List<ItemView> items) {

    public record ItemView(int position, QuestionType type, String typeLabel, int points, String stem,
            List<Question.Option> options, String response, boolean flagged, long version, long clientSequence,
            Instant savedAt) {

        /** An item with its answer, or without one when it was never saved. */
        static ItemView of(SittingItem item, Answer a) {
            Question q = item.getQuestion();
            return new ItemView(item.getPosition(), q.getQuestionType(), q.getQuestionType().label(), item.getPoints(),
                    q.getStem(), item.displayedOptions(), a == null ? null : item.toShown(a.getResponse()),
                    a != null && a.isFlagged(), a == null ? 0 : a.getVersion(), a == null ? 0 : a.getClientSequence(),
                    a == null ? null : a.getSavedAt());
        }
    }
}
