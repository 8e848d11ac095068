package cn.cabr.carbon.adjudication;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AppealRepository extends JpaRepository<Appeal, Long> {

    Optional<Appeal> findBySittingId(Long sittingId);
}
