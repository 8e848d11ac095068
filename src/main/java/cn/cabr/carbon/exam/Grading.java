package cn.cabr.carbon.exam;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.shared.BusinessException;

/** Marking of short answers by graders, who see the question and the answer but never the candidate. */
@Service
@Transactional
public class Grading {

    public record ShortAnswerView(long answerId, int position, String question, String referenceAnswer,
            String candidateAnswer, int maxPoints) {
    }

    public record SittingScore(int objectiveScore, int shortAnswerScore, int ungradedShortAnswers) {

        public int total() {
            return objectiveScore + shortAnswerScore;
        }
    }

    private final AnswerRepository answers;
    private final SittingRepository sittings;
    private final Clock clock;

    Grading(AnswerRepository answers, SittingRepository sittings, Clock clock) {
        this.answers = answers;
        this.sittings = sittings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Long> shortAnswerIds(long sittingId) {
        return answers.findBySittingIdOrderByPaperItemPosition(sittingId).stream()
                .filter(a -> !a.getPaperItem().getQuestion().getQuestionType().autoGraded())
                .map(Answer::getId).toList();
    }

    @Transactional(readOnly = true)
    public ShortAnswerView shortAnswer(long answerId) {
        Answer a = shortAnswerById(answerId);
        PaperItem item = a.getPaperItem();
        return new ShortAnswerView(a.getId(), item.getPosition(), item.getQuestion().getStem(),
                item.getQuestion().getReferenceAnswer(), a.getResponse() == null ? "（未作答）" : a.getResponse(),
                item.getPoints());
    }

    public void grade(long answerId, Integer score, String grader) {
        Answer answer = shortAnswerById(answerId);
        int max = answer.getPaperItem().getPoints();
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
        answer.grade(score, grader, clock.instant());
    }

    @Transactional(readOnly = true)
    public SittingScore score(long sittingId) {
        int objective = 0;
        int shortAnswers = 0;
        int ungraded = 0;
        for (Answer a : answers.findBySittingIdOrderByPaperItemPosition(sittingId)) {
            boolean auto = a.getPaperItem().getQuestion().getQuestionType().autoGraded();
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

    private Answer shortAnswerById(long answerId) {
        Answer answer = answers.findById(answerId)
                .orElseThrow(() -> BusinessException.notFound("ANSWER_NOT_FOUND", "答卷不存在：" + answerId));
        if (answer.getPaperItem().getQuestion().getQuestionType().autoGraded()) {
            throw BusinessException.invalid("NOT_A_SHORT_ANSWER", "第 " + answer.getPaperItem().getPosition() + " 题为客观题，由系统自动评分");
        }
        return answer;
    }
}
