package cn.cabr.carbon.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locks an account after consecutive failed sign-ins, in the database (a restart or another node does not unlock
 * it). Accounts are candidates, staff members and, so that the answer does not tell whether an account exists,
 * unknown login names too (by a hash of the name; forgotten after a day).
 */
@Component
class LoginLockout {

    /** Who a login name belongs to, as counted here. */
    record AccountKey(String value) {

        static AccountKey candidate(long candidateId) {
            return new AccountKey("candidate:" + candidateId);
        }

        static AccountKey staff(String userId) {
            return new AccountKey("staff:" + userId);
        }

        static AccountKey unknown(String loginName) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(loginName.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                return new AccountKey("name:" + HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** After a failure: how many more may follow before the lock, or until when the account is now locked. */
    record Failure(int remainingAttempts, Instant lockedUntil) {

        boolean locked() {
            return lockedUntil != null;
        }
    }

    private final LoginFailureRepository failures;
    private final TransactionTemplate transaction;
    private final AccountSettings settings;
    private final Clock clock;

    LoginLockout(LoginFailureRepository failures, PlatformTransactionManager transactionManager, AccountSettings settings,
            Clock clock) {
        this.failures = failures;
        this.transaction = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.clock = clock;
    }

    /** Until when the account is locked, if it is locked now. */
    Optional<Instant> lockedUntil(AccountKey key) {
        Instant now = clock.instant();
        return failures.findById(key.value()).filter(f -> f.isLockedAt(now)).map(LoginFailure::getLockedUntil);
    }

    Failure recordFailure(AccountKey key) {
        try {
            return transaction.execute(status -> fail(key));
        } catch (DataIntegrityViolationException firstFailureRace) {
            // two first failures at once: the other inserted the row, count this one on it
            return transaction.execute(status -> fail(key));
        }
    }

    private Failure fail(AccountKey key) {
        Instant now = clock.instant();
        failures.deleteStale(now.minus(settings.failureMemory()));
        LoginFailure failure = failures.lockByAccountKey(key.value()).orElseGet(() -> new LoginFailure(key.value()));
        failure.fail(now, settings.lockoutFailures(), settings.lockoutDuration(), settings.failureMemory());
        failures.saveAndFlush(failure);
        return failure.isLockedAt(now) ? new Failure(0, failure.getLockedUntil())
                : new Failure(settings.lockoutFailures() - failure.getFailedAttempts(), null);
    }

    /** A successful sign-in (or a password reset) starts the count again and lifts a lock. */
    void clear(AccountKey key) {
        if (failures.existsById(key.value())) {
            transaction.executeWithoutResult(status -> failures.deleteById(key.value()));
        }
    }
}
