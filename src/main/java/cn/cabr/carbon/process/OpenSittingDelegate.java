package cn.cabr.carbon.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.Sitting;

/** 开放考生考场: opens the candidate's sitting in the exam component (absent at once if the exam is over). */
@Component
class OpenSittingDelegate implements JavaDelegate {

    private final ExamDelivery delivery;

    OpenSittingDelegate(ExamDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Sitting sitting = delivery.open((Long) execution.getVariable(CaseVariables.APPLICATION_ID));
        execution.setVariable(CaseVariables.SITTING_ID, sitting.getId());
        execution.setVariable(CaseVariables.SITTING_OUTCOME, sitting.getStatus().name());
    }
}
