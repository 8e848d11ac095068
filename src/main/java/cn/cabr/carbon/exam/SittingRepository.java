package cn.cabr.carbon.exam;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SittingRepository extends JpaRepository<Sitting, Long> {

    Optional<Sitting> findByApplicationId(Long applicationId);

    Optional<Sitting> findByApplicationIdAndCandidateId(Long applicationId, Long candidateId);

    List<Sitting> findBySessionIdAndStatusIn(Long sessionId, List<SittingStatus> statuses);

    List<Sitting> findTop100ByStatusAndDeadlineBeforeOrderByDeadline(SittingStatus status, Instant now);
}
