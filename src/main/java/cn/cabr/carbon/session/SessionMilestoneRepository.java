package cn.cabr.carbon.session;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SessionMilestoneRepository extends JpaRepository<SessionMilestone, Long> {

    Optional<SessionMilestone> findBySessionIdAndMilestone(Long sessionId, Milestone milestone);

    List<SessionMilestone> findBySessionId(Long sessionId);
}
