package cn.cabr.carbon.exam;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface QuestionRepository extends JpaRepository<Question, Long> {

    List<Question> findByStatusOrderByCodeAscVersionAsc(QuestionStatus status);

    Optional<Question> findFirstByCodeOrderByVersionDesc(String code);

    List<Question> findAllByOrderByCodeAscVersionAsc();

    long countByQuestionTypeAndSubjectAndSyllabusModuleAndPointsAndStatus(QuestionType type, Subject subject,
            int module, int points, QuestionStatus status);
}
