package cn.cabr.carbon.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.scoring.Scoring;

/** 计算考试成绩: total, pass mark and voiding from the session's data and the adjudication. */
@Component
class ComputeResultDelegate implements JavaDelegate {

    private final Scoring scoring;

    ComputeResultDelegate(Scoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(CaseVariables.APPLICATION_ID);
        execution.setVariable(CaseVariables.RESULT_OUTCOME, scoring.compute(applicationId).getOutcome().name());
    }
}
