package cn.cabr.carbon.exam;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SittingRepository extends JpaRepository<Sitting, Long> {

    /** The application's current sitting: a re-sit supersedes the earlier attempt, which is kept. */
    @Query("select s from Sitting s where s.applicationId = :applicationId and s.supersededAt is null")
    Optional<Sitting> findByApplicationId(Long applicationId);

    @Query("select s from Sitting s where s.applicationNumber = :applicationNumber and s.candidateId = :candidateId"
            + " and s.supersededAt is null")
    Optional<Sitting> findByApplicationNumberAndCandidateId(String applicationNumber, Long candidateId);

    /** The candidate's own sitting, locked: ownership and the row lock in one statement (the hot path of saves). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Sitting s where s.applicationNumber = :number and s.candidateId = :candidateId"
            + " and s.supersededAt is null")
    Optional<Sitting> lockOwned(String number, Long candidateId);

    /**
     * The session's sittings in these states, for the exam's end. A sitting under a technical-problem remedy runs
     * after the exam on its own window, so the session's end leaves it alone.
     */
    @Query("select s from Sitting s where s.sessionId = :sessionId and s.status in :statuses and s.remedy is null")
    List<Sitting> findBySessionIdAndStatusIn(Long sessionId, List<SittingStatus> statuses);

    /** Every attempt of an application, first to last (a re-sit keeps the earlier one as evidence). */
    List<Sitting> findByApplicationIdOrderByAttemptAsc(Long applicationId);

    List<Sitting> findTop100ByStatusAndDeadlineBeforeOrderByDeadline(SittingStatus status, Instant now);
}
