package cn.cabr.carbon.proctoring;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The record that the retention job deleted an evidence image: the facts, never the image. */
@Entity
@Table(name = "evidence_deletion")
public class EvidenceDeletion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long evidenceId;
    private Long sittingId;
    private Long sessionId;
    @Enumerated(EnumType.STRING)
    private EvidenceKind kind;
    private Instant takenAt;
    private Instant deleteAfter;
    private Instant deletedAt;

    protected EvidenceDeletion() {
    }

    EvidenceDeletion(EvidenceItem item, Instant deletedAt) {
        this.evidenceId = item.getId();
        this.sittingId = item.getSittingId();
        this.sessionId = item.getSessionId();
        this.kind = item.getKind();
        this.takenAt = item.getTakenAt();
        this.deleteAfter = item.getDeleteAfter();
        this.deletedAt = deletedAt;
    }

    public Long getEvidenceId() {
        return evidenceId;
    }

    public Long getSittingId() {
        return sittingId;
    }

    public EvidenceKind getKind() {
        return kind;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
