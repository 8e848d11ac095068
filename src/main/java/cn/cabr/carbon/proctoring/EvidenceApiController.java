package cn.cabr.carbon.proctoring;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;

/** Snapshots from the answer page, and the manager's proctoring settings of a session (check-in, retention). */
@RestController
class EvidenceApiController {

    private final Monitoring monitoring;
    private final ExamSessions sessions;

    EvidenceApiController(Monitoring monitoring, ExamSessions sessions) {
        this.monitoring = monitoring;
        this.sessions = sessions;
    }

    @GetMapping("/api/applications/{number}/exam/monitoring")
    Monitoring.MonitorSettings monitoring(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return monitoring.settings(user.requireCandidateId(), number);
    }

    record SnapshotUpload(String image, Long eventId) {
    }

    record SnapshotReceipt(long evidenceId, String takenAt) {
    }

    @PostMapping("/api/applications/{number}/exam/snapshots")
    SnapshotReceipt snapshot(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @RequestBody SnapshotUpload upload) {
        EvidenceItem item = monitoring.snapshot(user.requireCandidateId(), number, upload.eventId(), upload.image());
        return new SnapshotReceipt(item.getId(), item.getTakenAt().toString());
    }

    record ProctoringSettings(Boolean identityCheckRequired, Integer evidenceRetentionDays) {
    }

    @PutMapping("/api/manager/sessions/{code}/proctoring")
    ProctoringSettings settings(@PathVariable String code, @RequestBody ProctoringSettings settings) {
        ExamSession session = sessions.changeProctoringSettings(code, settings.identityCheckRequired(),
                settings.evidenceRetentionDays());
        return new ProctoringSettings(session.isIdentityCheckRequired(), session.getEvidenceRetentionDays());
    }
}
