package cn.cabr.carbon.certificate;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A manager's request to revoke or reissue a certificate, and its outcome: the audit record of the lifecycle process
 * (who asked, when, why; when it was carried out; which certificate replaced it).
 */
@Entity
@Table(name = "certificate_change")
public class CertificateChange {

    public enum Kind {
        REVOCATION("撤销"),
        REISSUE("换发");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long certificateId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String reason;
    private String correctedName;
    private String requestedBy;
    private Instant requestedAt;
    private Instant completedAt;
    private Long replacementId;

    protected CertificateChange() {
    }

    CertificateChange(Long certificateId, Kind kind, String reason, String correctedName, String requestedBy,
            Instant requestedAt) {
        this.certificateId = certificateId;
        this.kind = kind;
        this.reason = reason;
        this.correctedName = correctedName;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void complete(Instant at, Long replacementId) {
        this.completedAt = at;
        this.replacementId = replacementId;
    }

    public boolean isPending() {
        return completedAt == null;
    }

    public Long getId() {
        return id;
    }

    public Long getCertificateId() {
        return certificateId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getReason() {
        return reason;
    }

    public String getCorrectedName() {
        return correctedName;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Long getReplacementId() {
        return replacementId;
    }
}
