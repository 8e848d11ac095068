package cn.cabr.carbon.security;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** A sign-in refused because the account is locked after repeated failures; the message says until when. */
class AccountLockedException extends LockedException {

    private final Instant lockedUntil;

    AccountLockedException(String message, Instant lockedUntil) {
        super(message);
        this.lockedUntil = lockedUntil;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }
}
