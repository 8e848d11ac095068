package cn.cabr.carbon.process;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.adjudication.AppealFiled;
import cn.cabr.carbon.shared.BusinessException;

/**
 * Tells the case that the candidate appealed, in the same transaction as the appeal: if the case is not waiting
 * for an appeal (the window's timer already fired), the appeal is refused rather than lost.
 */
@Component
class AppealMessages {

    static final Duration REVIEW_TIME = Duration.ofDays(7);

    private final RuntimeService runtimeService;
    private final Clock clock;

    AppealMessages(RuntimeService runtimeService, Clock clock) {
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @EventListener
    void onAppealFiled(AppealFiled event) {
        var correlated = runtimeService.createMessageCorrelation(CaseVariables.MESSAGE_APPEAL_FILED)
                .processInstanceVariableEquals(CaseVariables.APPLICATION_ID, event.applicationId())
                .setVariable(CaseVariables.APPEAL_DUE, Date.from(clock.instant().plus(REVIEW_TIME)))
                .correlateAllWithResult();
        if (correlated.isEmpty()) {
            throw BusinessException.conflict("APPEAL_WINDOW_CLOSED", "申诉期已结束，不能再提出申诉");
        }
    }
}
