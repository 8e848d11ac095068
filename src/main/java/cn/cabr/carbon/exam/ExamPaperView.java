package cn.cabr.carbon.exam;

import java.time.Instant;
import java.util.List;

/** What the candidate's exam page shows. Questions appear only while the sitting is in progress; never the keys. */
public record ExamPaperView(String applicationNumber, String sessionName, SittingStatus status, String statusLabel,
        Instant serverTime, Instant deadline, long remainingSeconds, int durationMinutes, int totalPoints,
        String supportContact, List<ItemView> items) {

    public record ItemView(int position, QuestionType type, String typeLabel, int points, String stem,
            List<Question.Option> options, String response, Instant savedAt) {

        static ItemView of(Answer a) {
            PaperItem item = a.getPaperItem();
            Question q = item.getQuestion();
            return new ItemView(item.getPosition(), q.getQuestionType(), q.getQuestionType().label(), item.getPoints(),
                    q.getStem(), q.options(), a.getResponse(), a.getSavedAt());
        }
    }
}
