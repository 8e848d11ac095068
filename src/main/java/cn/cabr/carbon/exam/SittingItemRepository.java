package cn.cabr.carbon.exam;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SittingItemRepository extends JpaRepository<SittingItem, Long> {

    List<SittingItem> findBySittingIdOrderByPosition(Long sittingId);

    @Query("select count(i) > 0 from SittingItem i, Sitting s where i.sittingId = s.id and s.sessionId = :sessionId")
    boolean existsBySessionId(Long sessionId);
}
