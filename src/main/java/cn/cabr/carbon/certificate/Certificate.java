package cn.cabr.carbon.certificate;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An issued certificate: its number and its PDF in the file storage. One per passing application. */
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
    private long sizeBytes;
    private Instant createdAt;

    protected Certificate() {
    }

    Certificate(Long applicationId, String certificateNumber, LocalDate issuedOn, String storageKey, String sha256,
            long sizeBytes, Instant createdAt) {
        this.applicationId = applicationId;
        this.certificateNumber = certificateNumber;
        this.issuedOn = issuedOn;
        this.storageKey = storageKey;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.createdAt = createdAt;
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

    String getStorageKey() {
        return storageKey;
    }

    String getSha256() {
        return sha256;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }
}
