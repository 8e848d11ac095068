package cn.cabr.carbon.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.certificate.CertificateLifecycle;

/** 通知考生证书已撤销. */
@Component
class NotifyCertificateRevokedDelegate implements JavaDelegate {

    private final CertificateLifecycle lifecycle;

    NotifyCertificateRevokedDelegate(CertificateLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.notifyRevoked((Long) execution.getVariable(CertificateLifecycleVariables.CHANGE_ID));
    }
}
