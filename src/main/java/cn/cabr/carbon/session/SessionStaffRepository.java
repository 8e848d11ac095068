package cn.cabr.carbon.session;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SessionStaffRepository extends JpaRepository<SessionStaffMember, SessionStaffMember.Key> {

    List<SessionStaffMember> findBySessionIdOrderByDutyAscStaffIdAsc(Long sessionId);

    boolean existsBySessionIdAndStaffIdAndDuty(Long sessionId, String staffId, SessionDuty duty);

    @Modifying
    @Query("delete from SessionStaffMember m where m.sessionId = :sessionId and m.duty = :duty")
    void deleteDuty(Long sessionId, SessionDuty duty);
}
