package cn.cabr.carbon.proctoring;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProctoringEventRepository extends JpaRepository<ProctoringEvent, Long> {

    List<ProctoringEvent> findBySittingIdOrderByOccurredAtAscIdAsc(Long sittingId);

    long countBySittingIdAndEventType(Long sittingId, ProctoringEventType type);

    boolean existsBySittingIdAndFlaggedTrue(Long sittingId);
}
