package cn.cabr.carbon.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.certificate.CertificateChangeRequested;

import static cn.cabr.carbon.process.CertificateLifecycleVariables.*;

/**
 * Starts a CertificateLifecycle process for each revocation or reissue request, in the request's transaction: the
 * recorded request and its process commit together or not at all. Business key = the certificate number.
 */
@Component
class CertificateLifecycleProcesses {

    private final RuntimeService runtimeService;

    CertificateLifecycleProcesses(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventListener
    void onChangeRequested(CertificateChangeRequested event) {
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, event.certificateNumber(), Map.of(
                CHANGE_ID, event.changeId(),
                CERTIFICATE_ID, event.certificateId(),
                CHANGE_KIND, event.kind().name()));
    }
}
