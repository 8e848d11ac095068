package cn.cabr.carbon.scoring;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ScorePublicationRepository extends JpaRepository<ScorePublication, Long> {

    List<ScorePublication> findBySessionIdOrderByIdAsc(Long sessionId);
}
