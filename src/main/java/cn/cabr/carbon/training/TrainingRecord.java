package cn.cabr.carbon.training;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a candidate's training-hours ledger: class periods completed on the training platform. */
@Entity
@Table(name = "training_record")
public class TrainingRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long candidateId;
    private BigDecimal hours;
    private String course;
    private Instant completedAt;
    private String source;
    private String importBatch;
    private Instant recordedAt;

    protected TrainingRecord() {
    }

    TrainingRecord(Long candidateId, BigDecimal hours, String course, Instant completedAt, String source,
            String importBatch, Instant recordedAt) {
        this.candidateId = candidateId;
        this.hours = hours;
        this.course = course;
        this.completedAt = completedAt;
        this.source = source;
        this.importBatch = importBatch;
        this.recordedAt = recordedAt;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public String getCourse() {
        return course;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getSource() {
        return source;
    }

    public String getImportBatch() {
        return importBatch;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
