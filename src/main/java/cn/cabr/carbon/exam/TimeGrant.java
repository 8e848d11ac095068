package cn.cabr.carbon.exam;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Extra time granted to one sitting: an accommodation, or a credit after an outage. Kept as the audit trail. */
@Entity
@Table(name = "time_grant")
public class TimeGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sittingId;
    private int seconds;
    private String reason;
    private String grantedBy;
    private Instant grantedAt;

    protected TimeGrant() {
    }

    TimeGrant(Long sittingId, int seconds, String reason, String grantedBy, Instant grantedAt) {
        this.sittingId = sittingId;
        this.seconds = seconds;
        this.reason = reason;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    public int getSeconds() {
        return seconds;
    }

    public String getReason() {
        return reason;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }
}
