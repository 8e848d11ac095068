package cn.cabr.carbon.proctoring;

import java.time.Instant;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.security.SignedInUser;

@RestController
class ProctoringController {

    private final Proctoring proctoring;
    private final Heartbeats heartbeats;

    ProctoringController(Proctoring proctoring, Heartbeats heartbeats) {
        this.proctoring = proctoring;
        this.heartbeats = heartbeats;
    }

    record HeartbeatReceipt(Instant receivedAt) {
    }

    /** The answer page is alive (every 10 s); the server records network gaps when these stop. */
    @PostMapping("/api/applications/{number}/exam/heartbeat")
    HeartbeatReceipt heartbeat(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return new HeartbeatReceipt(heartbeats.beat(user.requireCandidateId(), number));
    }

    record EventReport(ProctoringEventType type, String detail, Instant occurredAt) {
    }

    @PostMapping("/api/applications/{number}/exam/proctoring-events")
    Proctoring.Receipt report(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @RequestBody EventReport report) {
        return proctoring.report(user.requireCandidateId(), number, report.type(), report.detail(), report.occurredAt());
    }
}
