package cn.cabr.carbon.scoring;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.exam.SittingRescued;
import cn.cabr.carbon.shared.BusinessException;

/** A rescue file cannot change answers once the result was computed from them: the import is refused (rolled back). */
@Component
class RescueAfterResultGuard {

    private final Scoring scoring;

    RescueAfterResultGuard(Scoring scoring) {
        this.scoring = scoring;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onRescue(SittingRescued rescue) {
        if (scoring.find(rescue.applicationId()).isPresent()) {
            throw BusinessException.conflict("RESCUE_TOO_LATE", "该考生的成绩已计算，不能再导入救援文件");
        }
    }
}
