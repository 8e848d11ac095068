package cn.cabr.carbon.adjudication;

import java.time.Instant;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.security.SignedInUser;

/** The candidate's appeal as JSON. */
@RestController
class AppealApiController {

    record AppealRequest(String reason) {
    }

    record AppealResponse(String applicationNumber, Instant filedAt, String message) {
    }

    private final Adjudications adjudications;

    AppealApiController(Adjudications adjudications) {
        this.adjudications = adjudications;
    }

    @PostMapping("/api/applications/{number}/appeal")
    AppealResponse file(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @RequestBody AppealRequest request) {
        Appeal appeal = adjudications.fileAppeal(user.requireCandidateId(), number, request.reason());
        return new AppealResponse(number, appeal.getFiledAt(), "申诉已提交，将由未参与原裁定的裁定人员复核");
    }
}
