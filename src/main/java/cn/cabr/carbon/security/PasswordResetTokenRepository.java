package cn.cabr.carbon.security;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PasswordResetTokenRepository extends JpaRepository<PasswordResetToken, Long> {

    Optional<PasswordResetToken> findByTokenHash(String tokenHash);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from PasswordResetToken t where t.tokenHash = ?1")
    Optional<PasswordResetToken> lockByTokenHash(String tokenHash);

    @Query("select t from PasswordResetToken t where t.candidateId = ?1 and t.usedAt is null and t.supersededAt is null")
    List<PasswordResetToken> findOpenByCandidateId(long candidateId);
}
