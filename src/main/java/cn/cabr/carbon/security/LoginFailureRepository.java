package cn.cabr.carbon.security;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginFailureRepository extends JpaRepository<LoginFailure, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from LoginFailure f where f.accountKey = ?1")
    Optional<LoginFailure> lockByAccountKey(String accountKey);

    /** Forgets failures nobody remembers any more: not locked, and the last one older than the given time. */
    @Modifying
    @Query("delete from LoginFailure f where f.lastFailureAt < ?1 and (f.lockedUntil is null or f.lockedUntil < ?1)")
    int deleteStale(Instant before);
}
