package cn.cabr.carbon.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.scoring.Scoring;

/** 公布成绩并通知考生. */
@Component
class PublishResultDelegate implements JavaDelegate {

    private final Scoring scoring;

    PublishResultDelegate(Scoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        scoring.publish((Long) execution.getVariable(CaseVariables.APPLICATION_ID));
    }
}
