package cn.cabr.carbon.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.certificate.CertificateLifecycle;

/** 通知考生证书已换发. */
@Component
class NotifyCertificateReissuedDelegate implements JavaDelegate {

    private final CertificateLifecycle lifecycle;

    NotifyCertificateReissuedDelegate(CertificateLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.notifyReissued((Long) execution.getVariable(CertificateLifecycleVariables.CHANGE_ID));
    }
}
