package cn.cabr.carbon.scoring;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ExamResultRepository extends JpaRepository<ExamResult, Long> {

    Optional<ExamResult> findByApplicationId(Long applicationId);

    /** Every computed, unpublished result of the session's sittings becomes visible now: one statement. */
    @Modifying(flushAutomatically = true)
    @Query(value = "update exam_result set published_at = :now where published_at is null"
            + " and sitting_id in (select s.id from sitting s where s.session_id = :sessionId)", nativeQuery = true)
    int publishSession(long sessionId, Instant now);
}
