package cn.cabr.carbon.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApplicationRepository extends JpaRepository<Application, Long> {

    Optional<Application> findByApplicationNumberAndCandidateId(String applicationNumber, Long candidateId);

    Optional<Application> findByApplicationNumber(String applicationNumber);

    List<Application> findByCandidateIdOrderByCreatedAtDesc(Long candidateId);

    List<Application> findBySessionIdOrderByApplicationNumber(Long sessionId);

    boolean existsByCandidateIdAndSessionId(Long candidateId, Long sessionId);

    @Query("select a.applicationNumber from Application a, Candidate c where c.id = a.candidateId"
            + " and (a.applicationNumber = :text or c.mobile = :text or locate(:text, c.fullName) > 0)")
    List<String> numbersOfCandidate(@Param("text") String text);

    @Query("select a.applicationNumber, c.fullName from Application a, Candidate c where c.id = a.candidateId"
            + " and a.applicationNumber in :numbers")
    List<Object[]> candidateNames(@Param("numbers") Collection<String> numbers);
}
