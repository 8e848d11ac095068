package cn.cabr.carbon.process;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.adjudication.Adjudications;

/** 通知考生裁定结果: the decision in force and its reason; a voided score opens the appeal window. */
@Component
class NotifyAdjudicationDelegate implements JavaDelegate {

    private final Adjudications adjudications;

    NotifyAdjudicationDelegate(Adjudications adjudications) {
        this.adjudications = adjudications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Instant> deadline = adjudications.notifyDecision((Long) execution.getVariable(CaseVariables.SITTING_ID));
        execution.setVariable(CaseVariables.APPEALABLE, deadline.isPresent());
        execution.setVariable(CaseVariables.APPEAL_DEADLINE, deadline.map(Date::from).orElse(null));
    }
}
