package cn.cabr.carbon.certificate;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CertificateRepository extends JpaRepository<Certificate, Long> {

    Optional<Certificate> findByApplicationId(Long applicationId);

    /** The row lock under which a certificate's PDF is produced, so two executions never both render it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Certificate c where c.id = :id")
    Optional<Certificate> lockById(Long id);
}
