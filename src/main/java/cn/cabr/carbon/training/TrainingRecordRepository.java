package cn.cabr.carbon.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TrainingRecordRepository extends JpaRepository<TrainingRecord, Long> {

    List<TrainingRecord> findByCandidateIdOrderByCompletedAt(Long candidateId);

    @Query("select coalesce(sum(r.hours), 0) from TrainingRecord r where r.candidateId = :candidateId and r.completedAt <= :cutoff")
    BigDecimal sumUntil(Long candidateId, Instant cutoff);
}
