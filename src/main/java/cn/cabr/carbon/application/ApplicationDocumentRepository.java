package cn.cabr.carbon.application;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApplicationDocumentRepository extends JpaRepository<ApplicationDocument, Long> {

    List<ApplicationDocument> findByApplicationIdAndSupersededFalseOrderByUploadedAtAsc(Long applicationId);

    List<ApplicationDocument> findByApplicationIdAndDocumentTypeAndSupersededFalse(Long applicationId, DocumentType type);

    /** A document, only if it belongs to an application of this candidate: ownership is part of the query. */
    @Query("""
            select d from ApplicationDocument d, Application a
            where d.id = :documentId and d.applicationId = a.id
              and a.applicationNumber = :applicationNumber and a.candidateId = :candidateId""")
    Optional<ApplicationDocument> findOwned(Long documentId, String applicationNumber, Long candidateId);
}
