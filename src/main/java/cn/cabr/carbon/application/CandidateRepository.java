package cn.cabr.carbon.application;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CandidateRepository extends JpaRepository<Candidate, Long> {

    Optional<Candidate> findByMobile(String mobile);

    Optional<Candidate> findByIdNumberHash(String idNumberHash);

    boolean existsByMobile(String mobile);

    boolean existsByIdNumberHash(String idNumberHash);
}
