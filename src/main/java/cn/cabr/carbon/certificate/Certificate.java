package cn.cabr.carbon.certificate;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.cabr.carbon.storage.StoredFile;

/**
 * An issued certificate: its number and its signed PDF in the file storage. One per passing application (unique
 * {@code application_id}).
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
}
