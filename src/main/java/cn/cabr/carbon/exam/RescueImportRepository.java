package cn.cabr.carbon.exam;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RescueImportRepository extends JpaRepository<RescueImport, Long> {

    Optional<RescueImport> findBySittingIdAndFileSha256(Long sittingId, String fileSha256);

    List<RescueImport> findBySittingIdOrderByImportedAt(Long sittingId);
}
