package cn.cabr.carbon.exam;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MarkingRepository extends JpaRepository<Marking, Long> {

    List<Marking> findByAnswerIdAndMarkingPassOrderByRound(Long answerId, int markingPass);

    /** Whether any answer of the sitting has been marked by a grader. */
    @Query("select count(m) > 0 from Marking m where m.answerId in (select a.id from Answer a where a.sittingId = :sittingId)")
    boolean existsForSitting(Long sittingId);
}
