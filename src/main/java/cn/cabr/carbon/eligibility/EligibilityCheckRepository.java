package cn.cabr.carbon.eligibility;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EligibilityCheckRepository extends JpaRepository<EligibilityCheck, Long> {

    Optional<EligibilityCheck> findFirstByApplicationIdOrderByCheckedAtDescIdDesc(Long applicationId);
}
