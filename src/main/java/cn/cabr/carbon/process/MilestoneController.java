package cn.cabr.carbon.process;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.session.Milestone;

/** A manager fires a session's next milestone now instead of waiting for its date. */
@RestController
class MilestoneController {

    private final ExamSessionProcesses processes;

    MilestoneController(ExamSessionProcesses processes) {
        this.processes = processes;
    }

    record Fired(String sessionCode, Milestone milestone, String label, String message) {
    }

    @PostMapping("/api/manager/sessions/{code}/milestones/{milestone}")
    ResponseEntity<Fired> fire(@AuthenticationPrincipal SignedInUser manager, @PathVariable String code,
            @PathVariable Milestone milestone) {
        processes.fire(code, milestone, manager.username());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Fired(code, milestone, milestone.label(),
                "已触发“" + milestone.label() + "”，系统将在数秒内处理并通知相关考生的案件"));
    }
}
