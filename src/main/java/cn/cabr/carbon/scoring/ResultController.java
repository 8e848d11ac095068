package cn.cabr.carbon.scoring;

import java.time.Instant;
import java.util.List;

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

    record PartView(String dimension, String category, String label, int score, int maxPoints) {
    }

    record ResultView(int objectiveScore, int shortAnswerScore, int totalScore, int totalPoints, int passMark,
            ResultOutcome outcome, String outcomeLabel, Instant publishedAt, List<PartView> breakdown) {
    }

    @GetMapping("/api/applications/{number}/result")
    ResultView result(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        ExamResult r = scoring.publishedResult(user.requireCandidateId(), number);
        boolean voided = r.getOutcome() == ResultOutcome.VOIDED;
        return new ResultView(voided ? 0 : r.getObjectiveScore(), voided ? 0 : r.getShortAnswerScore(),
                voided ? 0 : r.getTotalScore(), r.getTotalPoints(), r.getPassMark(), r.getOutcome(),
                r.getOutcome().label(), r.getPublishedAt(), voided ? List.of()
                        : scoring.breakdown(r.getApplicationId()).stream().map(p -> new PartView(p.getDimension(),
                                p.getCategory(), p.categoryLabel(), p.getScore(), p.getMaxPoints())).toList());
    }
}
