package cn.cabr.carbon.casefile;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.security.SignedInUser;

@RestController
class CaseStatusController {

    private final CaseFiles caseFiles;

    CaseStatusController(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @GetMapping("/api/applications/{number}/status")
    CaseStatus status(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return caseFiles.status(user.requireCandidateId(), number);
    }
}
