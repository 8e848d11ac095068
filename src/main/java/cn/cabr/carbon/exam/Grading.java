package cn.cabr.carbon.exam;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;

/**
 * Marking of short answers by graders, who see the question and the answer but never the candidate. One task per
 * answer (not per sitting): graders can specialise in one question, which marks more consistently, and answers of
 * one sitting are marked in parallel. With double marking, a second grader marks blind; when the two differ by more
 * than the session's threshold a third grader decides, otherwise their average (rounded half up) stands.
 */
@Service
@Transactional
public class Grading {

    public record ShortAnswerView(long answerId, int position, String question, String referenceAnswer, String rubric,
            String candidateAnswer, int maxPoints) {
    }

    /** After a marking: the final score once settled, and which round is still needed (0 when none). */
    public record MarkingResult(Integer finalScore, int nextRound) {
    }

    public record SittingScore(int objectiveScore, int shortAnswerScore, int ungradedShortAnswers) {

        public int total() {
            return objectiveScore + shortAnswerScore;
        }
    }

    /** Points scored and available in one category (a question type or a subject). */
    public record Part(String dimension, String category, String label, int score, int maxPoints) {
    }

    private final AnswerRepository answers;
    private final SittingRepository sittings;
    private final MarkingRepository markings;
    private final ExamSessions sessions;
    private final AuditLog auditLog;
    private final Clock clock;

    Grading(AnswerRepository answers, SittingRepository sittings, MarkingRepository markings, ExamSessions sessions,
            AuditLog auditLog, Clock clock) {
        this.answers = answers;
        this.sittings = sittings;
        this.markings = markings;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Long> shortAnswerIds(long sittingId) {
        return answers.findBySittingIdOrderByItemPosition(sittingId).stream()
                .filter(a -> !a.getItem().getQuestion().getQuestionType().autoGraded())
                .map(Answer::getId).toList();
    }

    /**
     * The short answers still to be marked: all of them after a first sitting; after credited time only those the
     * candidate changed (the others keep their marks).
     */
    @Transactional(readOnly = true)
    public List<Long> shortAnswersToMark(long sittingId) {
        return answers.findBySittingIdOrderByItemPosition(sittingId).stream()
                .filter(a -> !a.getItem().getQuestion().getQuestionType().autoGraded() && a.getScore() == null)
                .map(Answer::getId).toList();
    }

    @Transactional(readOnly = true)
    public ShortAnswerView shortAnswer(long answerId) {
        Answer a = shortAnswerById(answerId);
        SittingItem item = a.getItem();
        return new ShortAnswerView(a.getId(), item.getPosition(), item.getQuestion().getStem(),
                item.getQuestion().getReferenceAnswer(), item.getQuestion().getRubric(),
                a.getResponse() == null ? "（未作答）" : a.getResponse(), item.getPoints());
    }

    @Transactional(readOnly = true)
    public List<Marking> markingsOf(long answerId) {
        return markings.findByAnswerIdAndMarkingPassOrderByRound(answerId, shortAnswerById(answerId).getMarkingPass());
    }

    /** Records one round's marking and settles the final score when no further round is needed. */
    public MarkingResult mark(long answerId, int round, Integer score, String grader, String comment) {
        Answer answer = shortAnswerById(answerId);
        int max = answer.getItem().getPoints();
        if (score == null) {
            throw BusinessException.invalid("SCORE_MISSING", "请填写得分");
        }
        if (score < 0 || score > max) {
            throw BusinessException.invalid("SCORE_OUT_OF_RANGE", "得分须在 0 到 " + max + " 分之间（本题满分 " + max + " 分）");
        }
        Sitting sitting = sittings.findById(answer.getSittingId()).orElseThrow();
        if (!sitting.getStatus().ended() || sitting.getStatus() == SittingStatus.ABSENT) {
            throw BusinessException.conflict("SITTING_NOT_GRADABLE", "该场考试当前不能阅卷（" + sitting.getStatus().label() + "）");
        }
        List<Marking> earlier = markings.findByAnswerIdAndMarkingPassOrderByRound(answerId, answer.getMarkingPass());
        if (earlier.size() != round - 1) {
            throw BusinessException.conflict("MARKING_OUT_OF_ORDER", "第 " + round + " 评须在前一评之后进行");
        }
        if (!"system".equals(grader) && earlier.stream().anyMatch(m -> m.getGrader().equals(grader))) {
            throw BusinessException.conflict("SAME_GRADER", "同一份答卷的" + roundLabel(round) + "须由另一位阅卷员完成（您已评阅过此答卷）");
        }
        markings.save(new Marking(answerId, answer.getMarkingPass(), round, grader, score, comment, clock.instant()));
        ExamSession session = sessions.get(sitting.getSessionId());
        // for managers only: graders never see this log, so naming the case here keeps marking anonymous to them
        auditLog.record(AuditAction.SHORT_ANSWER_GRADED, grader, sitting.getApplicationNumber(), session.getCode(),
                "报名 " + sitting.getApplicationNumber() + " 第 " + answer.getItem().getPosition() + " 题（简答题）"
                        + roundLabel(round) + "：" + score + " 分（满分 " + max + " 分）",
                comment == null || comment.isBlank() ? null : comment.strip());
        if (round == 1 && session.isDoubleMarking()) {
            return new MarkingResult(null, 2);
        }
        if (round == 2) {
            int first = earlier.get(0).getScore();
            if (Math.abs(first - score) > session.getMarkingThreshold()) {
                return new MarkingResult(null, 3);
            }
            int average = (first + score + 1) / 2;
            answer.grade(average, grader, clock.instant());
            return new MarkingResult(average, 0);
        }
        answer.grade(score, grader, clock.instant());
        return new MarkingResult(score, 0);
    }

    @Transactional(readOnly = true)
    public SittingScore score(long sittingId) {
        int objective = 0;
        int shortAnswers = 0;
        int ungraded = 0;
        for (Answer a : answers.findBySittingIdOrderByItemPosition(sittingId)) {
            boolean auto = a.getItem().getQuestion().getQuestionType().autoGraded();
            if (a.getScore() == null) {
                ungraded += auto ? 0 : 1;
            } else if (auto) {
                objective += a.getScore();
            } else {
                shortAnswers += a.getScore();
            }
        }
        return new SittingScore(objective, shortAnswers, ungraded);
    }

    /** Points by question type and by subject, in the paper's order. */
    @Transactional(readOnly = true)
    public List<Part> breakdown(long sittingId) {
        Map<String, int[]> byType = new LinkedHashMap<>();
        Map<String, int[]> bySubject = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (QuestionType t : QuestionType.values()) {
            labels.put(t.name(), t.label());
        }
        for (Subject s : Subject.values()) {
            labels.put(s.name(), s.label());
        }
        for (Answer a : answers.findBySittingIdOrderByItemPosition(sittingId)) {
            Question q = a.getItem().getQuestion();
            int score = a.getScore() == null ? 0 : a.getScore();
            add(byType, q.getQuestionType().name(), score, a.getItem().getPoints());
            add(bySubject, q.getSubject().name(), score, a.getItem().getPoints());
        }
        List<Part> parts = new ArrayList<>();
        byType.forEach((k, v) -> parts.add(new Part("TYPE", k, labels.get(k), v[0], v[1])));
        bySubject.forEach((k, v) -> parts.add(new Part("SUBJECT", k, labels.get(k), v[0], v[1])));
        return parts;
    }

    static String roundLabel(int round) {
        return switch (round) {
            case 1 -> "一评";
            case 2 -> "二评";
            default -> "三评";
        };
    }

    private static void add(Map<String, int[]> sums, String key, int score, int points) {
        int[] sum = sums.computeIfAbsent(key, k -> new int[2]);
        sum[0] += score;
        sum[1] += points;
    }

    private Answer shortAnswerById(long answerId) {
        Answer answer = answers.findById(answerId)
                .orElseThrow(() -> BusinessException.notFound("ANSWER_NOT_FOUND", "答卷不存在：" + answerId));
        if (answer.getItem().getQuestion().getQuestionType().autoGraded()) {
            throw BusinessException.invalid("NOT_A_SHORT_ANSWER", "第 " + answer.getItem().getPosition() + " 题为客观题，由系统自动评分");
        }
        return answer;
    }
}
