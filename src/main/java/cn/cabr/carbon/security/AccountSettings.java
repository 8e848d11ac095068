package cn.cabr.carbon.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account protection: how many consecutive failed sign-ins lock an account and for how long, how long failures
 * are remembered, and how long a password reset link is valid (and how often one may be requested).
 */
@ConfigurationProperties("certification.accounts")
record AccountSettings(int lockoutFailures, Duration lockoutDuration, Duration failureMemory,
        Duration resetLinkValidity, Duration resetRequestInterval) {
}
