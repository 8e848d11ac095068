package cn.cabr.carbon.proctoring;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProctoringEventRepository extends JpaRepository<ProctoringEvent, Long> {

    List<ProctoringEvent> findBySittingIdOrderByOccurredAtAscIdAsc(Long sittingId);

    long countBySittingIdAndEventTypeIn(Long sittingId, Collection<ProctoringEventType> types);

    boolean existsBySittingIdAndFlaggedTrue(Long sittingId);

    long countBySittingIdAndEventTypeInAndReceivedAtGreaterThanEqual(Long sittingId,
            Collection<ProctoringEventType> types, java.time.Instant since);

    boolean existsBySittingIdAndFlaggedTrueAndReceivedAtGreaterThanEqual(Long sittingId, java.time.Instant since);
}
