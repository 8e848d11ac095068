package cn.cabr.carbon.certificate;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.cabr.carbon.storage.StoredFile;

/**
 * An issued certificate: its number and its signed PDF in the file storage. One current certificate per passing
 * application; a reissue supersedes it with a new one (next generation, new number) and both link to each other.
 *
 * <p>Issuing has two steps (see {@link Certificates#issue}): the number is reserved first, in a short transaction
 * under the session's row lock, and the PDF is attached afterwards. Until then the document fields are empty and
 * {@link #isProduced()} is false.
 */
@Entity
@Table(name = "certificate")
public class Certificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long applicationId;
    private String certificateNumber;
    private LocalDate issuedOn;
    private String storageKey;
    private String sha256;
    private Long sizeBytes;
    private Instant createdAt;
    private Instant producedAt;

    @Enumerated(EnumType.STRING)
    private CertificateStatus status = CertificateStatus.VALID;
    private int generation = 1;
    /** The name printed when it differs from the candidate's account (a reissue with a corrected name). */
    private String holderName;
    private Instant revokedAt;
    private String revokedBy;
    private String revocationReason;
    private Instant supersededAt;
    private Long replacedById;
    private Long replacesId;

    protected Certificate() {
    }

    /** A reserved number, without its PDF yet. */
    Certificate(Long applicationId, String certificateNumber, LocalDate issuedOn, Instant createdAt) {
        this.applicationId = applicationId;
        this.certificateNumber = certificateNumber;
        this.issuedOn = issuedOn;
        this.createdAt = createdAt;
    }

    void attach(StoredFile pdf, Instant at) {
        if (isProduced()) {
            throw new IllegalStateException("Certificate " + certificateNumber + " already has its PDF");
        }
        this.storageKey = pdf.key();
        this.sha256 = pdf.sha256();
        this.sizeBytes = pdf.size();
        this.producedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public String getCertificateNumber() {
        return certificateNumber;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    /** Whether the signed PDF is stored; a reserved number whose PDF failed (an incident) is not produced yet. */
    public boolean isProduced() {
        return storageKey != null;
    }

    String getStorageKey() {
        return storageKey;
    }

    String getSha256() {
        return sha256;
    }

    public long getSizeBytes() {
        return sizeBytes == null ? 0 : sizeBytes;
    }

    public Instant getProducedAt() {
        return producedAt;
    }

    /** The replacement of a reissued certificate: same application, next generation, a new number. */
    static Certificate replacing(Certificate old, String certificateNumber, LocalDate issuedOn, String holderName,
            StoredFile pdf, Instant createdAt) {
        Certificate replacement = new Certificate(old.applicationId, certificateNumber, issuedOn, createdAt);
        replacement.attach(pdf, createdAt);
        replacement.generation = old.generation + 1;
        replacement.holderName = holderName;
        replacement.replacesId = old.id;
        return replacement;
    }

    void revoke(Instant at, String by, String reason) {
        this.status = CertificateStatus.REVOKED;
        this.revokedAt = at;
        this.revokedBy = by;
        this.revocationReason = reason;
    }

    void supersede(Certificate replacement, Instant at) {
        this.status = CertificateStatus.REISSUED;
        this.replacedById = replacement.getId();
        this.supersededAt = at;
    }

    public CertificateStatus getStatus() {
        return status;
    }

    public int getGeneration() {
        return generation;
    }

    /** The name on the certificate when a reissue corrected it; null when it is the candidate's account name. */
    public String getHolderName() {
        return holderName;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public String getRevocationReason() {
        return revocationReason;
    }

    public Instant getSupersededAt() {
        return supersededAt;
    }

    public Long getReplacedById() {
        return replacedById;
    }

    public Long getReplacesId() {
        return replacesId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
