package cn.cabr.carbon.exam;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SittingRepository extends JpaRepository<Sitting, Long> {

    Optional<Sitting> findByApplicationId(Long applicationId);

    Optional<Sitting> findByApplicationNumberAndCandidateId(String applicationNumber, Long candidateId);

    /** The candidate's own sitting, locked: ownership and the row lock in one statement (the hot path of saves). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Sitting s where s.applicationNumber = :number and s.candidateId = :candidateId")
    Optional<Sitting> lockOwned(String number, Long candidateId);

    List<Sitting> findBySessionIdAndStatusIn(Long sessionId, List<SittingStatus> statuses);

    List<Sitting> findTop100ByStatusAndDeadlineBeforeOrderByDeadline(SittingStatus status, Instant now);
}
