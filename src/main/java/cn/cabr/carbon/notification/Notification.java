package cn.cabr.carbon.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A message to a candidate, kept in an outbox: shown in the portal at once, and sent by e-mail by a job
 * ({@code mailStatus}; {@code sentAt} is when the mail server accepted it).
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long candidateId;
    private Long applicationId;
    private String kind;
    private String title;
    private String body;
    private Instant createdAt;
    private Instant sentAt;
    @Enumerated(EnumType.STRING)
    private MailStatus mailStatus;
    private int mailAttempts;
    private String mailError;

    protected Notification() {
    }

    Notification(Long candidateId, Long applicationId, String kind, String title, String body, Instant createdAt) {
        this.candidateId = candidateId;
        this.applicationId = applicationId;
        this.kind = kind;
        this.title = title;
        this.body = body;
        this.createdAt = createdAt;
        this.mailStatus = MailStatus.PENDING;
    }

    void mailed(MailStatus status, Instant now) {
        this.mailStatus = status;
        this.mailAttempts++;
        this.mailError = null;
        if (status == MailStatus.SENT) {
            this.sentAt = now;
        }
    }

    void mailFailed(String error) {
        this.mailAttempts++;
        this.mailError = error == null ? null : error.length() > 300 ? error.substring(0, 300) : error;
    }

    public MailStatus getMailStatus() {
        return mailStatus;
    }

    public int getMailAttempts() {
        return mailAttempts;
    }

    public String getMailError() {
        return mailError;
    }

    public Long getId() {
        return id;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public String getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
