package cn.cabr.carbon.adjudication;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProctorMessageRepository extends JpaRepository<ProctorMessage, Long> {

    List<ProctorMessage> findBySittingIdOrderByIdAsc(Long sittingId);
}
