package cn.cabr.carbon.application;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MaterialsDeadlineExtensionRepository extends JpaRepository<MaterialsDeadlineExtension, Long> {

    List<MaterialsDeadlineExtension> findByClosedAtIsNullAndDeadlineLessThanEqual(Instant now);

    @Query("select a.applicationNumber from MaterialsDeadlineExtension e, Application a where a.id = e.applicationId"
            + " and a.sessionId = ?1 and e.closedAt is null and e.deadline > ?2")
    List<String> openApplicationNumbers(Long sessionId, Instant now);
}
