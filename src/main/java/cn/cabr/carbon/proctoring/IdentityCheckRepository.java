package cn.cabr.carbon.proctoring;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface IdentityCheckRepository extends JpaRepository<IdentityCheck, Long> {

    Optional<IdentityCheck> findFirstBySittingIdOrderByIdDesc(Long sittingId);

    java.util.List<IdentityCheck> findBySittingIdOrderByIdAsc(Long sittingId);

    long countBySittingIdAndStatus(Long sittingId, IdentityCheckStatus status);
}
