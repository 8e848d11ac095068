package cn.cabr.carbon.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.certificate.CertificateLifecycle;

/** 撤销证书: marks the certificate revoked (idempotent). */
@Component
class RevokeCertificateDelegate implements JavaDelegate {

    private final CertificateLifecycle lifecycle;

    RevokeCertificateDelegate(CertificateLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.revoke((Long) execution.getVariable(CertificateLifecycleVariables.CHANGE_ID));
    }
}
