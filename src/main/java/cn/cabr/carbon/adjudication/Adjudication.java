package cn.cabr.carbon.adjudication;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "adjudication")
public class Adjudication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sittingId;
    private String adjudicator;
    @Enumerated(EnumType.STRING)
    private AdjudicationDecision decision;
    private String reason;
    private Instant decidedAt;

    protected Adjudication() {
    }

    Adjudication(Long sittingId, String adjudicator, AdjudicationDecision decision, String reason, Instant decidedAt) {
        this.sittingId = sittingId;
        this.adjudicator = adjudicator;
        this.decision = decision;
        this.reason = reason;
        this.decidedAt = decidedAt;
    }

    public Long getSittingId() {
        return sittingId;
    }

    public String getAdjudicator() {
        return adjudicator;
    }

    public AdjudicationDecision getDecision() {
        return decision;
    }

    public String getReason() {
        return reason;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
