package cn.cabr.carbon.adjudication;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One adjudicator's (or manager's) decision on a sitting, at one stage, with its reason. */
@Entity
@Table(name = "adjudication")
public class Adjudication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sittingId;
    @Enumerated(EnumType.STRING)
    private AdjudicationStage stage;
    private String adjudicator;
    @Enumerated(EnumType.STRING)
    private AdjudicationDecision decision;
    @Enumerated(EnumType.STRING)
    private TechnicalRemedy remedy;
    private String reason;
    private Instant decidedAt;
    private Integer creditedMinutes;

    protected Adjudication() {
    }

    Adjudication(Long sittingId, AdjudicationStage stage, String adjudicator, AdjudicationDecision decision,
            TechnicalRemedy remedy, Integer creditedMinutes, String reason, Instant decidedAt) {
        this.creditedMinutes = creditedMinutes;
        this.sittingId = sittingId;
        this.stage = stage;
        this.adjudicator = adjudicator;
        this.decision = decision;
        this.remedy = remedy;
        this.reason = reason;
        this.decidedAt = decidedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getSittingId() {
        return sittingId;
    }

    public AdjudicationStage getStage() {
        return stage;
    }

    public String getAdjudicator() {
        return adjudicator;
    }

    public AdjudicationDecision getDecision() {
        return decision;
    }

    public TechnicalRemedy getRemedy() {
        return remedy;
    }

    public String getReason() {
        return reason;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    /** The minutes credited with a time credit (补足考试时间); null otherwise. */
    public Integer getCreditedMinutes() {
        return creditedMinutes;
    }

    /** The label the candidate reads, with the remedy of a technical problem. */
    public String describe() {
        return decision.label() + (remedy == null ? "" : "（" + remedy.label()
                + (creditedMinutes == null ? "" : " " + creditedMinutes + " 分钟") + "）");
    }
}
