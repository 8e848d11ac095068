package cn.cabr.carbon.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A manager's decision to publish the ready results of a session while some sittings still waited for grading or
 * adjudication: the reason is required and kept, with the sittings that were waiting then.
 */
@Entity
@Table(name = "score_publication")
public class ScorePublication {

    @Embeddable
    public static class Waiting {
        private String applicationNumber;
        private String waitingFor;

        protected Waiting() {
        }

        Waiting(String applicationNumber, String waitingFor) {
            this.applicationNumber = applicationNumber;
            this.waitingFor = waitingFor;
        }

        public String getApplicationNumber() {
            return applicationNumber;
        }

        public String getWaitingFor() {
            return waitingFor;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sessionId;
    private Instant decidedAt;
    private String decidedBy;
    private String reason;
    private int waitingCount;
    @ElementCollection
    @CollectionTable(name = "score_publication_waiting", joinColumns = @JoinColumn(name = "publication_id"))
    private List<Waiting> waiting = new ArrayList<>();

    protected ScorePublication() {
    }

    ScorePublication(Long sessionId, Instant decidedAt, String decidedBy, String reason, List<WaitingSitting> waiting) {
        this.sessionId = sessionId;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
        this.reason = reason;
        this.waitingCount = waiting.size();
        waiting.forEach(w -> this.waiting.add(new Waiting(w.applicationNumber(), w.waitingFor())));
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getReason() {
        return reason;
    }

    public int getWaitingCount() {
        return waitingCount;
    }

    public List<Waiting> getWaiting() {
        return waiting;
    }
}
