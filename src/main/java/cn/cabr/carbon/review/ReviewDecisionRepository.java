package cn.cabr.carbon.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewDecisionRepository extends JpaRepository<ReviewDecision, Long> {

    Optional<ReviewDecision> findFirstByApplicationIdOrderByDecidedAtDescIdDesc(Long applicationId);

    List<ReviewDecision> findByApplicationIdOrderByDecidedAtAscIdAsc(Long applicationId);
}
