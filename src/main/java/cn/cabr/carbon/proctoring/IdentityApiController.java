package cn.cabr.carbon.proctoring;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.security.SignedInUser;

/** The check-in page's JSON API: submit the descriptors and pictures, and ask where the check-in stands. */
@RestController
class IdentityApiController {

    private final IdentityCheckIn checkIn;

    IdentityApiController(IdentityCheckIn checkIn) {
        this.checkIn = checkIn;
    }

    @GetMapping("/api/applications/{number}/exam/identity")
    IdentityCheckIn.CheckInView status(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return checkIn.status(user.requireCandidateId(), number);
    }

    @PostMapping("/api/applications/{number}/exam/identity")
    IdentityCheckIn.CheckInView submit(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @RequestBody IdentityCheckIn.CheckInRequest request) {
        return checkIn.submit(user.requireCandidateId(), number, request);
    }
}
