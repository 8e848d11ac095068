package cn.cabr.carbon.exam;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface QuestionRepository extends JpaRepository<Question, Long> {

    @Modifying
    @Query("update Question q set q.status = :status where q.id = :id")
    void changeStatus(Long id, QuestionStatus status);

    List<Question> findByStatusOrderByCodeAscVersionAsc(QuestionStatus status);

    Optional<Question> findFirstByCodeOrderByVersionDesc(String code);

    List<Question> findAllByOrderByCodeAscVersionAsc();

    long countByQuestionTypeAndSubjectAndSyllabusModuleAndPointsAndStatus(QuestionType type, Subject subject,
            int module, int points, QuestionStatus status);
}
