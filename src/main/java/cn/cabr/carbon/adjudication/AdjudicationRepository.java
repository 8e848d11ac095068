package cn.cabr.carbon.adjudication;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AdjudicationRepository extends JpaRepository<Adjudication, Long> {

    Optional<Adjudication> findFirstBySittingIdOrderByDecidedAtDescIdDesc(Long sittingId);
}
