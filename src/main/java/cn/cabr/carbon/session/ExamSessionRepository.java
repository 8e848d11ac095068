package cn.cabr.carbon.session;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ExamSessionRepository extends JpaRepository<ExamSession, Long> {

    Optional<ExamSession> findByCode(String code);

    List<ExamSession> findByArchivedFalseOrderByExamStartAt();

    List<ExamSession> findAllByOrderByExamStartAtDesc();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from ExamSession s where s.id = :id")
    Optional<ExamSession> lockById(Long id);
}
