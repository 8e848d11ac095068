package cn.cabr.carbon.scoring;

import java.time.Instant;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.security.SignedInUser;

@RestController
class ResultController {

    private final Scoring scoring;

    ResultController(Scoring scoring) {
        this.scoring = scoring;
    }

    record ResultView(int objectiveScore, int shortAnswerScore, int totalScore, int totalPoints, int passMark,
            ResultOutcome outcome, String outcomeLabel, Instant publishedAt) {
    }

    @GetMapping("/api/applications/{number}/result")
    ResultView result(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        ExamResult r = scoring.publishedResult(user.requireCandidateId(), number);
        boolean voided = r.getOutcome() == ResultOutcome.VOIDED;
        return new ResultView(voided ? 0 : r.getObjectiveScore(), voided ? 0 : r.getShortAnswerScore(),
                voided ? 0 : r.getTotalScore(), r.getTotalPoints(), r.getPassMark(), r.getOutcome(),
                r.getOutcome().label(), r.getPublishedAt());
    }
}
