package cn.cabr.carbon.adjudication;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A candidate's appeal against an adjudication: one per sitting. */
@Entity
@Table(name = "adjudication_appeal")
public class Appeal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sittingId;
    private Long candidateId;
    private String reason;
    private Instant filedAt;

    protected Appeal() {
    }

    Appeal(Long sittingId, Long candidateId, String reason, Instant filedAt) {
        this.sittingId = sittingId;
        this.candidateId = candidateId;
        this.reason = reason;
        this.filedAt = filedAt;
    }

    public Long getSittingId() {
        return sittingId;
    }

    public String getReason() {
        return reason;
    }

    public Instant getFiledAt() {
        return filedAt;
    }
}
