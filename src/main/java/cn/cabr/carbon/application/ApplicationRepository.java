package cn.cabr.carbon.application;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationRepository extends JpaRepository<Application, Long> {

    Optional<Application> findByApplicationNumberAndCandidateId(String applicationNumber, Long candidateId);

    Optional<Application> findByApplicationNumber(String applicationNumber);

    List<Application> findByCandidateIdOrderByCreatedAtDesc(Long candidateId);

    List<Application> findBySessionIdOrderByApplicationNumber(Long sessionId);

    boolean existsByCandidateIdAndSessionId(Long candidateId, Long sessionId);
}
