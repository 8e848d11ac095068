package cn.cabr.carbon.scoring;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExamResultRepository extends JpaRepository<ExamResult, Long> {

    Optional<ExamResult> findByApplicationId(Long applicationId);
}
