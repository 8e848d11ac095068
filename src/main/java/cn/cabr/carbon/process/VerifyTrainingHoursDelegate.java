package cn.cabr.carbon.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.training.TrainingHours;

/** 核验培训学时: hours counted up to the cutoff against the session's requirement. */
@Component
class VerifyTrainingHoursDelegate implements JavaDelegate {

    private final TrainingHours trainingHours;

    VerifyTrainingHoursDelegate(TrainingHours trainingHours) {
        this.trainingHours = trainingHours;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(CaseVariables.APPLICATION_ID);
        execution.setVariable(CaseVariables.HOURS_SUFFICIENT, trainingHours.check(applicationId).sufficient());
    }
}
