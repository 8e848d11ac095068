package cn.cabr.carbon.exam;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit entry of one imported rescue file: who imported which file into which sitting, and what it changed. */
@Entity
@Table(name = "rescue_import")
public class RescueImport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sittingId;
    private String fileSha256;
    private Instant fileCreatedAt;
    private String importedBy;
    private Instant importedAt;
    private int answersInFile;
    private int answersApplied;
    private int eventsRecorded;
    private String summary;

    protected RescueImport() {
    }

    RescueImport(Long sittingId, String fileSha256, Instant fileCreatedAt, String importedBy, Instant importedAt,
            int answersInFile, int answersApplied, int eventsRecorded, String summary) {
        this.sittingId = sittingId;
        this.fileSha256 = fileSha256;
        this.fileCreatedAt = fileCreatedAt;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
        this.answersInFile = answersInFile;
        this.answersApplied = answersApplied;
        this.eventsRecorded = eventsRecorded;
        this.summary = summary.length() > 4000 ? summary.substring(0, 3999) + "…" : summary;
    }

    public Long getId() {
        return id;
    }

    public Long getSittingId() {
        return sittingId;
    }

    public String getFileSha256() {
        return fileSha256;
    }

    public Instant getFileCreatedAt() {
        return fileCreatedAt;
    }

    public String getImportedBy() {
        return importedBy;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public int getAnswersInFile() {
        return answersInFile;
    }

    public int getAnswersApplied() {
        return answersApplied;
    }

    public int getEventsRecorded() {
        return eventsRecorded;
    }

    public String getSummary() {
        return summary;
    }
}
