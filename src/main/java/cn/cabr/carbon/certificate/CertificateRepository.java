package cn.cabr.carbon.certificate;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CertificateRepository extends JpaRepository<Certificate, Long> {

    /**
     * The application's current certificate (valid or revoked); reissued ones are superseded and left out, so the
     * portal's download and the case page always show the one in force.
     */
    @Query("select c from Certificate c where c.applicationId = :applicationId and c.replacedById is null")
    Optional<Certificate> findByApplicationId(Long applicationId);

    /** A certificate anyone may see: numbers reserved but not yet produced (see Certificates#issue) are left out. */
    @Query("select c from Certificate c where c.certificateNumber = :certificateNumber and c.storageKey is not null")
    Optional<Certificate> findByCertificateNumber(String certificateNumber);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Certificate c where c.certificateNumber = :certificateNumber")
    Optional<Certificate> lockByCertificateNumber(String certificateNumber);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Certificate c where c.id = :id")
    Optional<Certificate> lockById(Long id);

    /** Every certificate of a session's applications (all generations), in number order. */
    @Query("select c from Certificate c, cn.cabr.carbon.application.Application a"
            + " where a.id = c.applicationId and a.sessionId = :sessionId and c.storageKey is not null"
            + " order by c.certificateNumber")
    List<Certificate> findBySession(Long sessionId);
}
