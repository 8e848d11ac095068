package cn.cabr.carbon.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.adjudication.TechnicalRemedies;

/** 补足考试时间并重新开放考场: reopens the sitting for the credited minutes; the window's end becomes the timer. */
@Component
class ReopenSittingDelegate implements JavaDelegate {

    private final TechnicalRemedies remedies;

    ReopenSittingDelegate(TechnicalRemedies remedies) {
        this.remedies = remedies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TechnicalRemedies.Granted granted = remedies.grantTimeCredit((Long) execution.getVariable(CaseVariables.SITTING_ID));
        execution.setVariable(CaseVariables.REMEDY_DEADLINE, Date.from(granted.windowEnd()));
    }
}
