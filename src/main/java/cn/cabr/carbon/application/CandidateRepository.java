package cn.cabr.carbon.application;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CandidateRepository extends JpaRepository<Candidate, Long> {

    Optional<Candidate> findByMobile(String mobile);

    Optional<Candidate> findByIdNumberHash(String idNumberHash);

    Optional<Candidate> findByEmail(String email);

    boolean existsByEmail(String email);

    boolean existsByMobile(String mobile);

    boolean existsByIdNumberHash(String idNumberHash);
}
