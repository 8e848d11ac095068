package cn.cabr.carbon.scoring;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ResultPartRepository extends JpaRepository<ResultPart, Long> {

    List<ResultPart> findByApplicationIdOrderByIdAsc(Long applicationId);

    void deleteByApplicationId(Long applicationId);
}
