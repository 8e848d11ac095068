package cn.cabr.carbon.proctoring;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.exam.StartGuard;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;

/**
 * A camera-proctored session's sitting starts only after a check-in that let the candidate in (faces matched, or a
 * proctor confirmed): the API refuses what the answer page's redirect alone would not stop. Reads the check-ins
 * directly (not through {@link IdentityCheckIn}, which needs the exam module: no cycle).
 */
@Component
class IdentityStartGuard implements StartGuard {

    private final IdentityCheckRepository checks;
    private final ExamSessions sessions;

    IdentityStartGuard(IdentityCheckRepository checks, ExamSessions sessions) {
        this.checks = checks;
        this.sessions = sessions;
    }

    @Override
    public void beforeStart(Sitting sitting) {
        ExamSession session = sessions.get(sitting.getSessionId());
        if (!session.isIdentityCheckRequired()) {
            return;
        }
        Optional<IdentityCheck> latest = checks.findFirstBySittingIdOrderByIdDesc(sitting.getId());
        if (latest.isPresent() && latest.get().getStatus().mayEnter()) {
            return;
        }
        String message = latest.map(c -> switch (c.getStatus()) {
            case AWAITING_PROCTOR -> "您的身份核验正在等待监考员人工确认，确认后才能开始考试，请在身份核验页面等待。";
            case REFUSED -> "监考员未能确认您的身份，不能开始考试。请在身份核验页面查看原因；如有疑问请联系考务客服："
                    + session.getSupportContact() + "。";
            case EXPIRED -> "人工核验超时未完成，请在身份核验页面重新提交核验，通过后再开始考试。";
            default -> null;
        }).orElse("本场考试须先完成考前身份核验：请在身份核验页面拍摄人脸照片和手持身份证照片，比对通过或经监考员确认后才能开始考试。");
        throw BusinessException.conflict("IDENTITY_CHECK_REQUIRED", message);
    }
}
