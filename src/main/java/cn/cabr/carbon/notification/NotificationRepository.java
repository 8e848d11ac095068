package cn.cabr.carbon.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByCandidateIdOrderByCreatedAtDescIdDesc(Long candidateId);

    List<Notification> findByApplicationIdOrderByIdAsc(Long applicationId);
}
