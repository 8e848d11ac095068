package cn.cabr.carbon.exam;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface QuestionRepository extends JpaRepository<Question, Long> {

    /** Native: the entity is immutable to Hibernate, and only its status ever changes. */
    @Modifying
    @Query(value = "update question_version set status = :status where id = :id", nativeQuery = true)
    void changeStatus(Long id, String status);

    List<Question> findByStatusOrderByCodeAscVersionAsc(QuestionStatus status);

    Optional<Question> findFirstByCodeOrderByVersionDesc(String code);

    List<Question> findAllByOrderByCodeAscVersionAsc();

    long countByQuestionTypeAndSubjectAndSyllabusModuleAndPointsAndStatus(QuestionType type, Subject subject,
            int module, int points, QuestionStatus status);
}
