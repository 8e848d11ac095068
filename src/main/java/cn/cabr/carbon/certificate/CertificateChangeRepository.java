package cn.cabr.carbon.certificate;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CertificateChangeRepository extends JpaRepository<CertificateChange, Long> {

    List<CertificateChange> findByCertificateIdOrderByIdAsc(Long certificateId);

    boolean existsByCertificateIdAndCompletedAtIsNull(Long certificateId);

    /** The newest name correction asked for any certificate of the application (the name to print from then on). */
    @Query("select ch.correctedName from CertificateChange ch, Certificate c where c.id = ch.certificateId"
            + " and c.applicationId = :applicationId and ch.correctedName is not null order by ch.id desc limit 1")
    Optional<String> latestCorrectedName(Long applicationId);
}
