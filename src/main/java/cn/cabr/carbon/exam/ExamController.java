package cn.cabr.carbon.exam;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.security.SignedInUser;

/** The candidate's exam: answers go straight to the exam tables, never through the engine. */
@RestController
@RequestMapping("/api/applications/{number}/exam")
class ExamController {

    private final ExamDelivery delivery;

    ExamController(ExamDelivery delivery) {
        this.delivery = delivery;
    }

    record AnswerRequest(String response) {
    }

    @GetMapping
    ExamPaperView view(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return delivery.view(user.requireCandidateId(), number);
    }

    @PostMapping("/start")
    ExamPaperView start(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return delivery.start(user.requireCandidateId(), number);
    }

    @PutMapping("/answers/{position}")
    SavedAnswer save(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @PathVariable int position, @RequestBody AnswerRequest request) {
        return delivery.saveAnswer(user.requireCandidateId(), number, position, request.response());
    }

    @PostMapping("/submit")
    ExamPaperView submit(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return delivery.submit(user.requireCandidateId(), number);
    }
}
