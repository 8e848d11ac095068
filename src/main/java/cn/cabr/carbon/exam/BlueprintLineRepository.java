package cn.cabr.carbon.exam;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface BlueprintLineRepository extends JpaRepository<BlueprintLine, Long> {

    List<BlueprintLine> findBySessionIdOrderByQuestionTypeAscSubjectAscSyllabusModuleAscPointsAsc(Long sessionId);

    void deleteBySessionId(Long sessionId);
}
