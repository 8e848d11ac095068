package cn.cabr.carbon.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One human decision or override: who, when, what and why. Written once, never changed. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant occurredAt;
    private String actor;
    @Enumerated(EnumType.STRING)
    private AuditAction action;
    private String applicationNumber;
    private String sessionCode;
    private String detail;
    private String reason;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, AuditAction action, String applicationNumber, String sessionCode,
            String detail, String reason) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.applicationNumber = applicationNumber;
        this.sessionCode = sessionCode;
        this.detail = detail;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getApplicationNumber() {
        return applicationNumber;
    }

    public String getSessionCode() {
        return sessionCode;
    }

    public String getDetail() {
        return detail;
    }

    public String getReason() {
        return reason;
    }
}
