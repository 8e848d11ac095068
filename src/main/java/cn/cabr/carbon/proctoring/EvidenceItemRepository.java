package cn.cabr.carbon.proctoring;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceItemRepository extends JpaRepository<EvidenceItem, Long> {

    List<EvidenceItem> findBySittingIdOrderByTakenAtAscIdAsc(Long sittingId);

    List<EvidenceItem> findByDeleteAfterLessThanEqualOrderByIdAsc(Instant now, Pageable page);
}
