package cn.cabr.carbon.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The consecutive failed sign-ins of one account, and until when it is locked. */
@Entity
@Table(name = "login_failure")
class LoginFailure {

    @Id
    private String accountKey;
    private int failedAttempts;
    private Instant lastFailureAt;
    private Instant lockedUntil;

    protected LoginFailure() {
    }

    LoginFailure(String accountKey) {
        this.accountKey = accountKey;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Counts one more failure; the one that reaches the limit locks the account and starts the count again. A
     * failure long after the previous one (beyond {@code memory}) counts as the first.
     */
    void fail(Instant now, int limit, Duration lockout, Duration memory) {
        if (lastFailureAt != null && lastFailureAt.plus(memory).isBefore(now)) {
            failedAttempts = 0;
        }
        failedAttempts++;
        lastFailureAt = now;
        if (failedAttempts >= limit) {
            lockedUntil = now.plus(lockout);
            failedAttempts = 0;
        }
    }

    int getFailedAttempts() {
        return failedAttempts;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }
}
