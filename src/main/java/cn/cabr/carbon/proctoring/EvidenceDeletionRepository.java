package cn.cabr.carbon.proctoring;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceDeletionRepository extends JpaRepository<EvidenceDeletion, Long> {

    List<EvidenceDeletion> findBySittingIdOrderByIdAsc(Long sittingId);
}
