package cn.cabr.carbon.exam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.security.SignedInUser;

/** The candidate's exam, and extra time granted by managers. Answers go straight to the exam tables, never through the engine. */
@RestController
class ExamController {

    private final ExamDelivery delivery;

    ExamController(ExamDelivery delivery) {
        this.delivery = delivery;
    }

    /** {@code response} in the labels shown; {@code flagged} marks it for review; {@code clientSequence} only grows. */
    record AnswerRequest(String response, Boolean flagged, Long clientSequence) {
    }

    record ExtraTimeRequest(Integer minutes, String reason) {
    }

    record GrantView(int seconds, String reason, String grantedBy, Instant grantedAt) {
    }

    record ExtraTimeView(String applicationNumber, String status, Instant deadline, int extraMinutes, List<GrantView> grants) {
    }

    @GetMapping("/api/applications/{number}/exam")
    ExamPaperView view(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return delivery.view(user.requireCandidateId(), number);
    }

    @PostMapping("/api/applications/{number}/exam/start")
    ExamPaperView start(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return delivery.start(user.requireCandidateId(), number);
    }

    @PutMapping("/api/applications/{number}/exam/answers/{position}")
    SavedAnswer save(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @PathVariable int position, @RequestBody AnswerRequest request) {
        return delivery.saveAnswer(user.requireCandidateId(), number, position, request.response(), request.flagged(),
                request.clientSequence());
    }

    @GetMapping("/api/applications/{number}/exam/clock")
    SittingClock clock(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return delivery.clock(user.requireCandidateId(), number);
    }

    /** A tiny answer for the device check's network round trips. */
    @GetMapping("/api/exam/ping")
    ResponseEntity<Map<String, Instant>> ping() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("serverTime", Instant.now()));
    }

    @PostMapping("/api/applications/{number}/exam/submit")
    ExamPaperView submit(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return delivery.submit(user.requireCandidateId(), number);
    }

    @PostMapping("/api/manager/sittings/{number}/extra-time")
    ExtraTimeView grant(@AuthenticationPrincipal SignedInUser manager, @PathVariable String number,
            @RequestBody ExtraTimeRequest request) {
        Sitting sitting = delivery.grantExtraTime(number, request.minutes() == null ? 0 : request.minutes(),
                request.reason(), manager.username());
        List<GrantView> grants = delivery.timeGrants(sitting.getId()).stream()
                .map(g -> new GrantView(g.getSeconds(), g.getReason(), g.getGrantedBy(), g.getGrantedAt())).toList();
        return new ExtraTimeView(number, sitting.getStatus().name(), sitting.getDeadline(), sitting.getExtraSeconds() / 60,
                grants);
    }
}
