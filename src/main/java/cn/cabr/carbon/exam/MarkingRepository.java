package cn.cabr.carbon.exam;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MarkingRepository extends JpaRepository<Marking, Long> {

    List<Marking> findByAnswerIdOrderByRound(Long answerId);
}
