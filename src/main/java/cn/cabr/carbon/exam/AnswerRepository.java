package cn.cabr.carbon.exam;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AnswerRepository extends JpaRepository<Answer, Long> {

    @Query("select a from Answer a join fetch a.item i join fetch i.question where a.sittingId = :sittingId order by i.position")
    List<Answer> findBySittingIdOrderByItemPosition(Long sittingId);

    /** Positions whose answer is not blank, for the sequential-navigation rule. */
    @Query("select i.position from Answer a join a.item i where a.sittingId = :sittingId and a.response is not null")
    List<Integer> answeredPositions(Long sittingId);

    @Query("select a from Answer a join fetch a.item i join fetch i.question, Sitting s "
            + "where a.sittingId = s.id and s.sessionId = :sessionId and s.status in :statuses and s.supersededAt is null")
    List<Answer> findBySessionAndSittingStatus(Long sessionId, List<SittingStatus> statuses);
}
