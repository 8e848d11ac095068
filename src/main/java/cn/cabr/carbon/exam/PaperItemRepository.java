package cn.cabr.carbon.exam;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaperItemRepository extends JpaRepository<PaperItem, Long> {

    List<PaperItem> findBySessionIdOrderByPosition(Long sessionId);

    boolean existsBySessionId(Long sessionId);
}
