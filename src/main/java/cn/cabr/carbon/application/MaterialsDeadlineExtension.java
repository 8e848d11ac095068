package cn.cabr.carbon.application;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One candidate's materials deadline, extended by a manager beyond the session's date. */
@Entity
@Table(name = "materials_deadline_extension")
public class MaterialsDeadlineExtension {

    @Id
    private Long applicationId;
    private Instant deadline;
    private String grantedBy;
    private Instant grantedAt;
    private String reason;
    private Instant closedAt;

    protected MaterialsDeadlineExtension() {
    }

    MaterialsDeadlineExtension(Long applicationId) {
        this.applicationId = applicationId;
    }

    void extend(Instant deadline, String grantedBy, Instant grantedAt, String reason) {
        this.deadline = deadline;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
        this.reason = reason;
        this.closedAt = null;
    }

    void closed(Instant now) {
        this.closedAt = now;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public String getReason() {
        return reason;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
