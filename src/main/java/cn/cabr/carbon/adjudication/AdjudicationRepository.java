package cn.cabr.carbon.adjudication;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AdjudicationRepository extends JpaRepository<Adjudication, Long> {

    List<Adjudication> findBySittingIdOrderByIdAsc(Long sittingId);
}
