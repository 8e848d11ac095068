package cn.cabr.carbon.casefile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Where a candidate's case stands and what the candidate must do next. */
public record CaseStatus(String applicationNumber, String sessionCode, String sessionName, String stage,
        String stageLabel, String nextStep, String outcome, String outcomeLabel, String closingReason,
        Review review, Eligibility eligibility, Hours hours, Sitting sitting, Result result, Adjudication adjudication, Certificate certificate,
        List<Milestone> milestones, String supportContact) {

    public record Review(String decision, String decisionLabel, String reason, List<String> requestedDocuments,
            Instant decidedAt) {
    }

    public record Eligibility(boolean eligible, String rule, String reason) {
    }

    public record Hours(BigDecimal counted, int required, Instant countedUntil) {
    }

    public record Sitting(String status, String statusLabel, Instant deadline) {
    }

    public record Result(int totalScore, int totalPoints, int passMark, String outcome, String outcomeLabel,
            Instant publishedAt, List<Part> breakdown) {
    }

    /** Points in one subject or one question type. */
    public record Part(String dimension, String category, String label, int score, int maxPoints) {
    }

    /** The decision on a flagged or ended sitting; shown once the result is published. */
    public record Adjudication(String decision, String decisionLabel, String reason, Instant decidedAt) {
    }

    /**
     * The current certificate: valid, or revoked (with date and reason, no download); a reissued one is replaced by
     * its successor, which names the number it replaces.
     */
    public record Certificate(String certificateNumber, String issuedOn, String downloadUrl, String status,
            String statusLabel, String revokedOn, String revocationReason, String replaces) {
    }

    public record Milestone(String milestone, String label, Instant dueAt, Instant reachedAt) {
    }
}
