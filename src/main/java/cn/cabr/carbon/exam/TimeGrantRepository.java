package cn.cabr.carbon.exam;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TimeGrantRepository extends JpaRepository<TimeGrant, Long> {

    List<TimeGrant> findBySittingIdOrderByGrantedAt(Long sittingId);
}
