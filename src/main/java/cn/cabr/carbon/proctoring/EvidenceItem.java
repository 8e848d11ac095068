package cn.cabr.carbon.proctoring;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A face image or snapshot of a sitting; its bytes are encrypted in file storage under {@code storageKey}. */
@Entity
@Table(name = "evidence_item")
public class EvidenceItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sittingId;
    private Long sessionId;
    private Long eventId;
    @Enumerated(EnumType.STRING)
    private EvidenceKind kind;
    private String storageKey;
    private String sha256;
    private int sizeBytes;
    private Instant takenAt;
    private Instant deleteAfter;

    protected EvidenceItem() {
    }

    EvidenceItem(long sittingId, long sessionId, Long eventId, EvidenceKind kind, String storageKey, String sha256,
            int sizeBytes, Instant takenAt, Instant deleteAfter) {
        this.sittingId = sittingId;
        this.sessionId = sessionId;
        this.eventId = eventId;
        this.kind = kind;
        this.storageKey = storageKey;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.takenAt = takenAt;
        this.deleteAfter = deleteAfter;
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

    public Long getEventId() {
        return eventId;
    }

    public EvidenceKind getKind() {
        return kind;
    }

    String getStorageKey() {
        return storageKey;
    }

    String getSha256() {
        return sha256;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public Instant getTakenAt() {
        return takenAt;
    }

    public Instant getDeleteAfter() {
        return deleteAfter;
    }
}
