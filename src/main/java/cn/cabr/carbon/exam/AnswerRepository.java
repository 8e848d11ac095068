package cn.cabr.carbon.exam;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AnswerRepository extends JpaRepository<Answer, Long> {

    List<Answer> findBySittingIdOrderByItemPosition(Long sittingId);

    Optional<Answer> findBySittingIdAndItemPosition(Long sittingId, int position);

    @Query("select a from Answer a join fetch a.item i join fetch i.question, Sitting s "
            + "where a.sittingId = s.id and s.sessionId = :sessionId and s.status in :statuses")
    List<Answer> findBySessionAndSittingStatus(Long sessionId, List<SittingStatus> statuses);
}
