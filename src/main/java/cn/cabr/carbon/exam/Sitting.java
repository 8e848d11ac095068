package cn.cabr.carbon.exam;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One candidate's sitting of a session's exam. The server's clock decides its deadline. */
@Entity
@Table(name = "sitting")
public class Sitting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long applicationId;
    private String applicationNumber;
    private Long candidateId;
    private Long sessionId;
    @Enumerated(EnumType.STRING)
    private SittingStatus status;
    private Instant openedAt;
    private Instant startedAt;
    private Instant deadline;
    private Instant endedAt;
    private Long paperSeed;
    private int extraSeconds;
    @Version
    private long version;

    protected Sitting() {
    }

    Sitting(Long applicationId, String applicationNumber, Long candidateId, Long sessionId, Instant openedAt) {
        this.applicationId = applicationId;
        this.applicationNumber = applicationNumber;
        this.candidateId = candidateId;
        this.sessionId = sessionId;
        this.status = SittingStatus.READY;
        this.openedAt = openedAt;
    }

    /** Deadline = start + duration + extra time granted (before or during the sitting). */
    void start(Instant now, Duration duration) {
        this.status = SittingStatus.IN_PROGRESS;
        // milliseconds, as every database stores them: the deadline shown at start is the one read back later
        this.startedAt = now.truncatedTo(ChronoUnit.MILLIS);
        this.deadline = startedAt.plus(duration).plusSeconds(extraSeconds);
    }

    void grantExtra(Duration extra) {
        this.extraSeconds += (int) extra.toSeconds();
        if (deadline != null) {
            this.deadline = deadline.plus(extra);
        }
    }

    void recordSeed(long seed) {
        this.paperSeed = seed;
    }

    void end(SittingStatus endStatus, Instant now) {
        if (!endStatus.ended()) {
            throw new IllegalArgumentException("Not an end state: " + endStatus);
        }
        this.status = endStatus;
        this.endedAt = now;
    }

    public long remainingSeconds(Instant now) {
        if (status != SittingStatus.IN_PROGRESS) {
            return 0;
        }
        return Math.max(0, Duration.between(now, deadline).toSeconds());
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public String getApplicationNumber() {
        return applicationNumber;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public SittingStatus getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Long getPaperSeed() {
        return paperSeed;
    }

    public int getExtraSeconds() {
        return extraSeconds;
    }

    public Instant getEndedAt() {
        return endedAt;
    }
}
