package cn.cabr.carbon.proctoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;

/**
 * Evidence pages: the staff of the sitting's session (and managers) read the
 * sitting's timeline with its images at {@code /staff/sittings/{id}/evidence}, the page the adjudication form links to.
 */
@Controller
class EvidenceController {

    private final Evidence evidence;
    private final Proctoring proctoring;
    private final ExamDelivery delivery;
    private final ExamSessions sessions;
    private final IdentityCheckRepository checks;

    EvidenceController(Evidence evidence, Proctoring proctoring, ExamDelivery delivery,
            ExamSessions sessions, IdentityCheckRepository checks) {
        this.evidence = evidence;
        this.proctoring = proctoring;
        this.delivery = delivery;
        this.sessions = sessions;
        this.checks = checks;
    }

    /** One line of the timeline: a proctoring event with its snapshots, or an image taken on its own. */
    record TimelineEntry(java.time.Instant at, String what, String severity, boolean flagged, String detail,
            List<EvidenceItem> images) {
    }

    @GetMapping("/staff/sittings/{sittingId}/evidence")
    String page(@AuthenticationPrincipal SignedInUser user, @PathVariable long sittingId, Model model) {
        Sitting sitting = delivery.get(sittingId);
        List<EvidenceItem> items = evidence.of(sittingId, sitting.getSessionId(), user);
        Map<Long, List<EvidenceItem>> byEvent = items.stream().filter(i -> i.getEventId() != null)
                .collect(Collectors.groupingBy(EvidenceItem::getEventId));
        List<TimelineEntry> timeline = new ArrayList<>();
        for (ProctoringEvent e : proctoring.eventsOf(sittingId)) {
            timeline.add(new TimelineEntry(e.getOccurredAt(), e.getEventType().label(), e.isFlagged() ? "需裁定" : "记录",
                    e.isFlagged(), e.getDetail(), byEvent.getOrDefault(e.getId(), List.of())));
        }
        items.stream().filter(i -> i.getEventId() == null).forEach(i -> timeline.add(new TimelineEntry(i.getTakenAt(),
                i.getKind().label(), "记录", false, null, List.of(i))));
        timeline.sort(Comparator.comparing(TimelineEntry::at));
        ExamSession session = sessions.get(sitting.getSessionId());
        model.addAttribute("sitting", sitting);
        model.addAttribute("session", session);
        model.addAttribute("timeline", timeline);
        model.addAttribute("checks", checks.findBySittingIdOrderByIdAsc(sittingId));
        model.addAttribute("deletions", evidence.deletionsOf(sittingId));
        return "exam/identity-evidence";
    }

    @GetMapping("/staff/evidence/{evidenceId}")
    ResponseEntity<byte[]> image(@AuthenticationPrincipal SignedInUser user, @PathVariable long evidenceId) {
        byte[] bytes = evidence.image(evidenceId, user);
        MediaType type = bytes.length > 3 && (bytes[0] & 0xff) == 0x89 ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG;
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff").body(bytes);
    }
}
