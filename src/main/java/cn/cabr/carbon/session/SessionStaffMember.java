package cn.cabr.carbon.session;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One staff member's duty in one session. */
@Entity
@Table(name = "session_staff")
@IdClass(SessionStaffMember.Key.class)
public class SessionStaffMember {

    @Id
    private Long sessionId;
    @Id
    private String staffId;
    @Id
    @Enumerated(EnumType.STRING)
    private SessionDuty duty;
    private String assignedBy;
    private Instant assignedAt;

    protected SessionStaffMember() {
    }

    SessionStaffMember(Long sessionId, String staffId, SessionDuty duty, String assignedBy, Instant assignedAt) {
        this.sessionId = sessionId;
        this.staffId = staffId;
        this.duty = duty;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public String getStaffId() {
        return staffId;
    }

    public SessionDuty getDuty() {
        return duty;
    }

    public String getAssignedBy() {
        return assignedBy;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public static class Key implements Serializable {
        private Long sessionId;
        private String staffId;
        private SessionDuty duty;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sessionId, k.sessionId) && Objects.equals(staffId, k.staffId)
                    && duty == k.duty;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, staffId, duty);
        }
    }
}
