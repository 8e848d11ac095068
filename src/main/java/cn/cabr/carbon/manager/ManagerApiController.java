package cn.cabr.carbon.manager;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.MaterialsDeadlineExtension;
import cn.cabr.carbon.proctoring.SessionThresholds;
import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.shared.BusinessException;

/** The bulk actions of the manager pages as JSON, for scripts: refusals are 4xx with a Chinese message. */
@RestController
class ManagerApiController {

    private final ManagerActions actions;
    private final Applications applications;
    private final SessionThresholds sessionThresholds;

    ManagerApiController(ManagerActions actions, Applications applications, SessionThresholds sessionThresholds) {
        this.actions = actions;
        this.applications = applications;
        this.sessionThresholds = sessionThresholds;
    }

    /** The four limits; a missing one is refused (there is no partial change). */
    record ThresholdsRequest(Integer pageLeavesWarn, Integer pageLeavesTerminate, Integer secondsWithoutFace,
            Integer secondsWithoutHeartbeat) {
    }

    @PutMapping("/api/manager/sessions/{code}/proctoring-thresholds")
    SessionThresholds.Settings changeThresholds(@AuthenticationPrincipal SignedInUser manager, @PathVariable String code,
            @RequestBody ThresholdsRequest request) {
        if (request.pageLeavesWarn() == null || request.pageLeavesTerminate() == null
                || request.secondsWithoutFace() == null || request.secondsWithoutHeartbeat() == null) {
            throw BusinessException.invalid("THRESHOLDS_INCOMPLETE",
                    "请填写全部四项阈值：pageLeavesWarn、pageLeavesTerminate、secondsWithoutFace、secondsWithoutHeartbeat（整数）");
        }
        return sessionThresholds.change(manager.username(), code, new SessionThresholds.Settings(request.pageLeavesWarn(),
                request.pageLeavesTerminate(), request.secondsWithoutFace(), request.secondsWithoutHeartbeat()));
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
