package cn.cabr.carbon.proctoring;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "proctoring_event")
public class ProctoringEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sittingId;
    @Enumerated(EnumType.STRING)
    private ProctoringEventType eventType;
    private boolean flagged;
    private String detail;
    private Instant occurredAt;
    private Instant receivedAt;

    protected ProctoringEvent() {
    }

    ProctoringEvent(Long sittingId, ProctoringEventType eventType, String detail, Instant occurredAt, Instant receivedAt) {
        this.sittingId = sittingId;
        this.eventType = eventType;
        this.flagged = eventType.flagged();
        this.detail = detail;
        this.occurredAt = occurredAt;
        this.receivedAt = receivedAt;
    }

    /** Adds to the detail what became known later (how long a network gap lasted). */
    void amendDetail(String more) {
        String text = detail == null ? more : detail + "；" + more;
        this.detail = text.length() <= 500 ? text : text.substring(0, 500);
    }

    public Long getId() {
        return id;
    }

    public Long getSittingId() {
        return sittingId;
    }

    public ProctoringEventType getEventType() {
        return eventType;
    }

    public boolean isFlagged() {
        return flagged;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
