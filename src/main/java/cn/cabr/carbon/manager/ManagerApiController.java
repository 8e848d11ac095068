package cn.cabr.carbon.manager;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.MaterialsDeadlineExtension;
import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.shared.BusinessException;

/** The bulk actions of the manager pages as JSON, for scripts: refusals are 4xx with a Chinese message. */
@RestController
class ManagerApiController {

    private final ManagerActions actions;
    private final Applications applications;

    ManagerApiController(ManagerActions actions, Applications applications) {
        this.actions = actions;
        this.applications = applications;
    }

    record ResendRequest(List<String> applicationNumbers, String reason) {
    }

    record Resent(int sent) {
    }

    record ExtendRequest(Instant deadline, String reason) {
    }

    record Extended(String applicationNumber, Instant deadline, String grantedBy) {
    }

    @PostMapping("/api/manager/sessions/{code}/notifications/resend")
    Resent resend(@AuthenticationPrincipal SignedInUser manager, @PathVariable String code,
            @RequestBody ResendRequest request) {
        return new Resent(actions.resendNotifications(manager.username(), code, request.applicationNumbers(),
                request.reason()).size());
    }

    @PostMapping("/api/manager/applications/{number}/materials-deadline")
    Extended extend(@AuthenticationPrincipal SignedInUser manager, @PathVariable String number,
            @RequestBody ExtendRequest request) {
        if (request.deadline() == null) {
            throw BusinessException.invalid("DEADLINE_REQUIRED", "请填写新的补充材料截止时间 deadline（ISO-8601）");
        }
        MaterialsDeadlineExtension e = applications.extendMaterialsDeadline(number, request.deadline(),
                manager.username(), request.reason());
        return new Extended(number, e.getDeadline(), e.getGrantedBy());
    }
}
