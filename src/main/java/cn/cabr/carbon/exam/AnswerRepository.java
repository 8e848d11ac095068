package cn.cabr.carbon.exam;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AnswerRepository extends JpaRepository<Answer, Long> {

    List<Answer> findBySittingIdOrderByPaperItemPosition(Long sittingId);

    Optional<Answer> findBySittingIdAndPaperItemPosition(Long sittingId, int position);
}
