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
    private int attempt = 1;
    private Instant supersededAt;
    private Long supersededBy;
    @Enumerated(EnumType.STRING)
    private RemedyKind remedy;
    private Integer remedyMinutes;
    private Instant remedyGrantedAt;
    private Instant remedyWindowEnd;
    private Instant resumedAt;
    @Enumerated(EnumType.STRING)
    private SittingStatus statusBeforeReopen;
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

    /** A re-sit: the next attempt of the same application, to be started by the window's end. */
    static Sitting resitOf(Sitting earlier, Instant now, Instant windowEnd) {
        Sitting resit = new Sitting(earlier.applicationId, earlier.applicationNumber, earlier.candidateId,
                earlier.sessionId, now);
        resit.attempt = earlier.attempt + 1;
        resit.remedy = RemedyKind.RESIT;
        resit.remedyGrantedAt = now;
        resit.remedyWindowEnd = windowEnd;
        return resit;
    }

    /** The earlier attempt once a re-sit replaces it: kept as evidence, no longer counted. */
    void supersede(long bySittingId, Instant now) {
        this.supersededAt = now;
        this.supersededBy = bySittingId;
    }

    /** Time credit: the ended sitting waits for the candidate to resume it by the window's end. */
    void reopen(int minutes, Instant now, Instant windowEnd) {
        this.statusBeforeReopen = status;
        this.status = SittingStatus.REOPENED;
        this.remedy = RemedyKind.TIME_CREDIT;
        this.remedyMinutes = minutes;
        this.remedyGrantedAt = now;
        this.remedyWindowEnd = windowEnd;
    }

    /** The candidate resumes: exactly the credited minutes from now, by the server's clock. */
    void resume(Instant now) {
        this.status = SittingStatus.IN_PROGRESS;
        this.resumedAt = now.truncatedTo(ChronoUnit.MILLIS);
        this.deadline = resumedAt.plus(Duration.ofMinutes(remedyMinutes));
    }

    /** Never resumed by the window's end: closed again as it was before the time credit. */
    void closeUnresumed() {
        this.status = statusBeforeReopen;
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

    /** 1 for the first sitting of an application, 2 for its re-sit, and so on. */
    public int getAttempt() {
        return attempt;
    }

    public Instant getSupersededAt() {
        return supersededAt;
    }

    public Long getSupersededBy() {
        return supersededBy;
    }

    /** The technical-problem remedy this sitting is under (a reopened sitting or a re-sit), if any. */
    public RemedyKind getRemedy() {
        return remedy;
    }

    public Integer getRemedyMinutes() {
        return remedyMinutes;
    }

    public Instant getRemedyGrantedAt() {
        return remedyGrantedAt;
    }

    /** By when the candidate must resume (time credit) or start (re-sit). */
    public Instant getRemedyWindowEnd() {
        return remedyWindowEnd;
    }

    /** When the candidate resumed after a time credit: proctoring counts the attempt from here. */
    public Instant getResumedAt() {
        return resumedAt;
    }

    public SittingStatus getStatusBeforeReopen() {
        return statusBeforeReopen;
    }
}
