package cn.cabr.carbon.review;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One reviewer's decision on an application; a case may collect several (after supplements). */
@Entity
@Table(name = "review_decision")
public class ReviewDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long applicationId;
    private String reviewer;
    @Enumerated(EnumType.STRING)
    private ReviewOutcome decision;
    private String reason;
    private String requestedDocuments;
    private Instant decidedAt;

    protected ReviewDecision() {
    }

    ReviewDecision(Long applicationId, String reviewer, ReviewOutcome decision, String reason, String requestedDocuments,
            Instant decidedAt) {
        this.applicationId = applicationId;
        this.reviewer = reviewer;
        this.decision = decision;
        this.reason = reason;
        this.requestedDocuments = requestedDocuments;
        this.decidedAt = decidedAt;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public String getReviewer() {
        return reviewer;
    }

    public ReviewOutcome getDecision() {
        return decision;
    }

    public String getReason() {
        return reason;
    }

    public String getRequestedDocuments() {
        return requestedDocuments;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
