package cn.cabr.carbon.eligibility;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The outcome of the eligibility decision (Eligibility.dmn) for one application. */
@Entity
@Table(name = "eligibility_check")
public class EligibilityCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long applicationId;
    private boolean eligible;
    private String ruleCode;
    private String reason;
    private Instant checkedAt;

    protected EligibilityCheck() {
    }

    EligibilityCheck(Long applicationId, boolean eligible, String ruleCode, String reason, Instant checkedAt) {
        this.applicationId = applicationId;
        this.eligible = eligible;
        this.ruleCode = ruleCode;
        this.reason = reason;
        this.checkedAt = checkedAt;
    }

    public boolean isEligible() {
        return eligible;
    }

    public String getRuleCode() {
        return ruleCode;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }
}
