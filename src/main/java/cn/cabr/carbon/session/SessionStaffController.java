package cn.cabr.carbon.session;

import java.security.Principal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Managers say who proctors and who adjudicates a session. */
@RestController
class SessionStaffController {

    private final SessionStaff staff;

    SessionStaffController(SessionStaff staff) {
        this.staff = staff;
    }

    /** Either list may be left out to keep that duty as it is. */
    record Assignment(List<String> proctors, List<String> adjudicators) {
    }

    record MemberView(String staffId, SessionDuty duty, String dutyLabel, String assignedBy, Instant assignedAt) {
    }

    @GetMapping("/api/manager/sessions/{code}/staff")
    List<MemberView> list(@PathVariable String code) {
        return staff.of(code).stream().map(SessionStaffController::view).toList();
    }

    @PutMapping("/api/manager/sessions/{code}/staff")
    List<MemberView> assign(@PathVariable String code, @RequestBody Assignment request, Principal manager) {
        Map<SessionDuty, List<String>> byDuty = new EnumMap<>(SessionDuty.class);
        if (request.proctors() != null) {
            byDuty.put(SessionDuty.PROCTOR, request.proctors());
        }
        if (request.adjudicators() != null) {
            byDuty.put(SessionDuty.ADJUDICATOR, request.adjudicators());
        }
        return staff.assign(code, byDuty, manager.getName()).stream().map(SessionStaffController::view).toList();
    }

    private static MemberView view(SessionStaffMember m) {
        return new MemberView(m.getStaffId(), m.getDuty(), m.getDuty().label(), m.getAssignedBy(), m.getAssignedAt());
    }
}
