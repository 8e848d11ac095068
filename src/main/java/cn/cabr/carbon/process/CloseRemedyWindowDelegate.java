package cn.cabr.carbon.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.exam.SittingRemedies;
import cn.cabr.carbon.exam.SittingStatus;

/**
 * 关闭未使用的补救考场: at the window's end, a time credit never resumed closes the sitting as it was, a re-sit never
 * started is absent; a candidate still writing keeps their own deadline.
 */
@Component
class CloseRemedyWindowDelegate implements JavaDelegate {

    private final SittingRemedies remedies;

    CloseRemedyWindowDelegate(SittingRemedies remedies) {
        this.remedies = remedies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SittingRemedies.WindowOutcome outcome = remedies.closeUnused((Long) execution.getVariable(CaseVariables.SITTING_ID));
        execution.setVariable(CaseVariables.REMEDY_WINDOW_OUTCOME, outcome.name());
        if (outcome == SittingRemedies.WindowOutcome.NOT_TAKEN) {
            execution.setVariable(CaseVariables.SITTING_OUTCOME, SittingStatus.ABSENT.name());
        }
    }
}
