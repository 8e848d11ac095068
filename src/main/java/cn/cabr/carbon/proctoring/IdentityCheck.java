package cn.cabr.carbon.proctoring;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One check-in attempt: the measured distances and, when they were too high, the proctor's decision. */
@Entity
@Table(name = "identity_check")
public class IdentityCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sittingId;
    private Long sessionId;
    private String applicationNumber;
    @Enumerated(EnumType.STRING)
    private IdentityCheckStatus status;
    private Double photoDistance;
    private Double idCardDistance;
    private double threshold;
    private String decidedBy;
    private String decisionReason;
    private Instant decidedAt;
    private Instant createdAt;
    private Instant escalatedAt;

    protected IdentityCheck() {
    }

    IdentityCheck(long sittingId, long sessionId, String applicationNumber, Double photoDistance, Double idCardDistance,
            double threshold, Instant now) {
        this.sittingId = sittingId;
        this.sessionId = sessionId;
        this.applicationNumber = applicationNumber;
        this.photoDistance = photoDistance;
        this.idCardDistance = idCardDistance;
        this.threshold = threshold;
        this.status = photoDistance != null && idCardDistance != null && photoDistance < threshold
                && idCardDistance < threshold ? IdentityCheckStatus.CLEARED
                : IdentityCheckStatus.AWAITING_PROCTOR;
        this.createdAt = now;
    }

    void decide(boolean confirmed, String by, String reason, Instant now) {
        this.status = confirmed ? IdentityCheckStatus.CONFIRMED : IdentityCheckStatus.REFUSED;
        this.decidedBy = by;
        this.decisionReason = reason;
        this.decidedAt = now;
    }

    /** The proctors did not decide in time: the managers may decide too. */
    void escalate(Instant now) {
        if (status == IdentityCheckStatus.AWAITING_PROCTOR && escalatedAt == null) {
            this.escalatedAt = now;
        }
    }

    /** Nobody decided at all: the check ends without a decision, and the candidate may submit a new one. */
    void expire(String reason, Instant now) {
        if (status == IdentityCheckStatus.AWAITING_PROCTOR) {
            this.status = IdentityCheckStatus.EXPIRED;
            this.decisionReason = reason;
            this.decidedAt = now;
        }
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getSittingId() {
        return sittingId;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public String getApplicationNumber() {
        return applicationNumber;
    }

    public IdentityCheckStatus getStatus() {
        return status;
    }

    /** Null when the browser found no face in the application photo. */
    public Double getPhotoDistance() {
        return photoDistance;
    }

    /** Null when the browser found no face in the ID-card photo. */
    public Double getIdCardDistance() {
        return idCardDistance;
    }

    public double getThreshold() {
        return threshold;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
