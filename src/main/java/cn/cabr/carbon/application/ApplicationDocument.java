package cn.cabr.carbon.application;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An uploaded material. A replaced file is kept (superseded) so a reviewer's earlier look stays explainable. */
@Entity
@Table(name = "application_document")
public class ApplicationDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long applicationId;
    @Enumerated(EnumType.STRING)
    private DocumentType documentType;
    private String originalFilename;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private String storageKey;
    private Instant uploadedAt;
    private boolean superseded;

    protected ApplicationDocument() {
    }

    ApplicationDocument(Long applicationId, DocumentType documentType, String originalFilename, String contentType,
            long sizeBytes, String sha256, String storageKey, Instant uploadedAt) {
        this.applicationId = applicationId;
        this.documentType = documentType;
        this.originalFilename = originalFilename;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.uploadedAt = uploadedAt;
    }

    void supersede() {
        this.superseded = true;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public DocumentType getDocumentType() {
        return documentType;
    }

    public String getOriginalFilename() {
        return originalFilename;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    String getStorageKey() {
        return storageKey;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public boolean isSuperseded() {
        return superseded;
    }
}
