package cn.cabr.carbon.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A one-time password reset link as stored: the SHA-256 of its token, never the token. */
@Entity
@Table(name = "password_reset_token")
class PasswordResetToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long candidateId;
    private String tokenHash;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;
    private Instant supersededAt;

    protected PasswordResetToken() {
    }

    PasswordResetToken(long candidateId, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.candidateId = candidateId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean isOpen() {
        return usedAt == null && supersededAt == null;
    }

    void use(Instant now) {
        usedAt = now;
    }

    void supersede(Instant now) {
        supersededAt = now;
    }

    Long getCandidateId() {
        return candidateId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getUsedAt() {
        return usedAt;
    }

    Instant getSupersededAt() {
        return supersededAt;
    }
}
