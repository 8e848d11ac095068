package cn.cabr.carbon.exam;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SittingItemRepository extends JpaRepository<SittingItem, Long> {

    @Query("select i from SittingItem i join fetch i.question where i.sittingId = :sittingId order by i.position")
    List<SittingItem> findBySittingIdOrderByPosition(Long sittingId);

    /**
     * The item at a position with its answer, if it has one yet: one statement of unique-index lookups on the hot
     * path of saves (the question version comes from the bank's cache).
     */
    @Query("select i, a from SittingItem i left join Answer a on a.item = i "
            + "where i.sittingId = :sittingId and i.position = :position")
    List<Object[]> itemWithAnswer(Long sittingId, int position);

    @Query("select count(i) > 0 from SittingItem i, Sitting s where i.sittingId = s.id and s.sessionId = :sessionId")
    boolean existsBySessionId(Long sessionId);
}
