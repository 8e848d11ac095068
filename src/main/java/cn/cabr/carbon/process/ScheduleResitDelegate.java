package cn.cabr.carbon.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.adjudication.TechnicalRemedies;

/** 安排重考: opens the re-sit (a new sitting, a new paper); the case follows the new sitting from here. */
@Component
class ScheduleResitDelegate implements JavaDelegate {

    private final TechnicalRemedies remedies;

    ScheduleResitDelegate(TechnicalRemedies remedies) {
        this.remedies = remedies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TechnicalRemedies.Granted granted = remedies.grantResit((Long) execution.getVariable(CaseVariables.SITTING_ID));
        execution.setVariable(CaseVariables.SITTING_ID, granted.sittingId());
        execution.setVariable(CaseVariables.REMEDY_DEADLINE, Date.from(granted.windowEnd()));
    }
}
