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

    ProctoringController(Proctoring proctoring) {
        this.proctoring = proctoring;
    }

    record EventReport(ProctoringEventType type, String detail, Instant occurredAt) {
    }

    @PostMapping("/api/applications/{number}/exam/proctoring-events")
    Proctoring.Receipt report(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @RequestBody EventReport report) {
        return proctoring.report(user.requireCandidateId(), number, report.type(), report.detail(), report.occurredAt());
    }
}
