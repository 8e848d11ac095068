package cn.cabr.carbon.process;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.scoring.WaitingSitting;
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

    /** Only for SCORES_PUBLISHED: publish the ready results although some sittings still wait (reason required). */
    record FireOptions(Boolean publishReady, String reason) {
    }

    record Blocked(String code, String message, int waitingCount, List<WaitingSitting> waiting) {
    }

    @PostMapping("/api/manager/sessions/{code}/milestones/{milestone}")
    ResponseEntity<Fired> fire(@AuthenticationPrincipal SignedInUser manager, @PathVariable String code,
            @PathVariable Milestone milestone, @RequestBody(required = false) FireOptions options) {
        boolean publishReady = options != null && Boolean.TRUE.equals(options.publishReady());
        processes.fire(code, milestone, manager.username(), publishReady, options == null ? null : options.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Fired(code, milestone, milestone.label(),
                "已触发“" + milestone.label() + "”，系统将在数秒内处理并通知相关考生的案件"));
    }

    /** What the publication of the session's scores waits for, and managers' earlier "publish the rest" decisions. */
    @GetMapping("/api/manager/sessions/{code}/publication")
    ExamSessionProcesses.PublicationView publication(@PathVariable String code) {
        return processes.publication(code);
    }

    @ExceptionHandler(PublicationBlockedException.class)
    ResponseEntity<Blocked> blocked(PublicationBlockedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new Blocked(e.code(), e.getMessage(), e.waitingCount(), e.waiting()));
    }
}
