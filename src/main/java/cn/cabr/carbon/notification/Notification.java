package cn.cabr.carbon.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message to a candidate, kept in an outbox: shown in the portal now, sent by mail later ({@code sentAt}). */
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

    protected Notification() {
    }

    Notification(Long candidateId, Long applicationId, String kind, String title, String body, Instant createdAt) {
        this.candidateId = candidateId;
        this.applicationId = applicationId;
        this.kind = kind;
        this.title = title;
        this.body = body;
        this.createdAt = createdAt;
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
