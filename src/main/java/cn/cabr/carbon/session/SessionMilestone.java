package cn.cabr.carbon.session;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A milestone that has been reached: by its timer, by a manager, or by the seed of a past session. */
@Entity
@Table(name = "session_milestone")
public class SessionMilestone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sessionId;
    @Enumerated(EnumType.STRING)
    private Milestone milestone;
    private Instant reachedAt;
    private String reachedBy;

    protected SessionMilestone() {
    }

    SessionMilestone(Long sessionId, Milestone milestone, Instant reachedAt, String reachedBy) {
        this.sessionId = sessionId;
        this.milestone = milestone;
        this.reachedAt = reachedAt;
        this.reachedBy = reachedBy;
    }

    public Milestone getMilestone() {
        return milestone;
    }

    public Instant getReachedAt() {
        return reachedAt;
    }

    public String getReachedBy() {
        return reachedBy;
    }
}
