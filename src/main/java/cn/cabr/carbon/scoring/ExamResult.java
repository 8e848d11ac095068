package cn.cabr.carbon.scoring;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A candidate's result for a session; visible to the candidate only once published. */
@Entity
@Table(name = "exam_result")
public class ExamResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long applicationId;
    private Long sittingId;
    private int objectiveScore;
    private int shortAnswerScore;
    private int totalScore;
    private int totalPoints;
    private int passMark;
    @Enumerated(EnumType.STRING)
    private ResultOutcome outcome;
    private Instant computedAt;
    private Instant publishedAt;
    private Instant notifiedAt;

    protected ExamResult() {
    }

    ExamResult(Long applicationId, Long sittingId) {
        this.applicationId = applicationId;
        this.sittingId = sittingId;
    }

    void compute(int objective, int shortAnswers, int totalPoints, int passMark, boolean voided, Instant now) {
        this.objectiveScore = objective;
        this.shortAnswerScore = shortAnswers;
        this.totalScore = objective + shortAnswers;
        this.totalPoints = totalPoints;
        this.passMark = passMark;
        this.outcome = voided ? ResultOutcome.VOIDED : totalScore >= passMark ? ResultOutcome.PASSED : ResultOutcome.FAILED;
        this.computedAt = now;
    }

    void publish(Instant now) {
        if (publishedAt == null) {
            this.publishedAt = now;
        }
    }

    void markNotified(Instant now) {
        this.notifiedAt = now;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public Long getSittingId() {
        return sittingId;
    }

    public int getObjectiveScore() {
        return objectiveScore;
    }

    public int getShortAnswerScore() {
        return shortAnswerScore;
    }

    public int getTotalScore() {
        return totalScore;
    }

    public int getTotalPoints() {
        return totalPoints;
    }

    public int getPassMark() {
        return passMark;
    }

    public ResultOutcome getOutcome() {
        return outcome;
    }

    public Instant getComputedAt() {
        return computedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public boolean isPublished() {
        return publishedAt != null;
    }
}
