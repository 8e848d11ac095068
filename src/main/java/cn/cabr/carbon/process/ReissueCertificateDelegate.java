package cn.cabr.carbon.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.certificate.CertificateLifecycle;

/** 换发证书: a new number and PDF, the old certificate superseded (idempotent). */
@Component
class ReissueCertificateDelegate implements JavaDelegate {

    private final CertificateLifecycle lifecycle;

    ReissueCertificateDelegate(CertificateLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.reissue((Long) execution.getVariable(CertificateLifecycleVariables.CHANGE_ID));
    }
}
