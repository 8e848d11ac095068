package cn.cabr.carbon.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.certificate.Certificates;

/** 颁发电子证书: renders and stores the PDF (idempotent, so a retried job issues no second certificate). */
@Component
class IssueCertificateDelegate implements JavaDelegate {

    private final Certificates certificates;

    IssueCertificateDelegate(Certificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        certificates.issue((Long) execution.getVariable(CaseVariables.APPLICATION_ID));
    }
}
