package cn.cabr.carbon.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

import cn.cabr.carbon.certificate.CertificateChange;
import cn.cabr.carbon.certificate.CertificateChangeRequested;
import cn.cabr.carbon.certificate.CertificateLifecycle;

/**
 * 证书撤销与换发: a request starts the process (business key = certificate number); revocation revokes, then notifies;
 * reissue reissues, then notifies. Every step is a job of its own, so a failure stays at its step and retries.
 */
@Deployment(resources = "processes/CertificateLifecycle.bpmn")
class CertificateLifecycleProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestEngine.extension("certificate-lifecycle");

    final CertificateLifecycle lifecycle = mock(CertificateLifecycle.class);
    CertificateLifecycleProcesses processes;

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        processes = new CertificateLifecycleProcesses(runtimeService());
        Mocks.register("revokeCertificateDelegate", new RevokeCertificateDelegate(lifecycle));
        Mocks.register("notifyCertificateRevokedDelegate", new NotifyCertificateRevokedDelegate(lifecycle));
        Mocks.register("reissueCertificateDelegate", new ReissueCertificateDelegate(lifecycle));
        Mocks.register("notifyCertificateReissuedDelegate", new NotifyCertificateReissuedDelegate(lifecycle));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private ProcessInstance requested(long changeId, String number, CertificateChange.Kind kind) {
        processes.onChangeRequested(new CertificateChangeRequested(changeId, 40L, number, kind));
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    @Test
    void revocation_revokesThenNotifiesTheCandidate() {
        ProcessInstance pi = requested(7L, "CEM-2026-T1-00001", CertificateChange.Kind.REVOCATION);
        assertThat(pi).isWaitingAt("Task_RevokeCertificate").hasVariables("changeId", "certificateId", "changeKind");
        verify(lifecycle, never()).revoke(anyLong());

        execute(job());
        assertThat(pi).isWaitingAt("Task_NotifyCertificateRevoked");
        execute(job());

        InOrder order = inOrder(lifecycle);
        order.verify(lifecycle).revoke(7L);
        order.verify(lifecycle).notifyRevoked(7L);
        verify(lifecycle, never()).reissue(anyLong());
        assertThat(pi).isEnded().hasPassedInOrder("Gateway_ChangeKind", "Task_RevokeCertificate",
                "Task_NotifyCertificateRevoked", "EndEvent_CertificateRevoked");
    }

    @Test
    void reissue_issuesTheReplacementThenNotifiesTheCandidate() {
        ProcessInstance pi = requested(8L, "CEM-2026-T1-00002", CertificateChange.Kind.REISSUE);
        assertThat(pi).isWaitingAt("Task_ReissueCertificate");

        execute(job());
        assertThat(pi).isWaitingAt("Task_NotifyCertificateReissued");
        execute(job());

        InOrder order = inOrder(lifecycle);
        order.verify(lifecycle).reissue(8L);
        order.verify(lifecycle).notifyReissued(8L);
        verify(lifecycle, never()).revoke(anyLong());
        assertThat(pi).isEnded().hasPassedInOrder("Task_ReissueCertificate", "Task_NotifyCertificateReissued",
                "EndEvent_CertificateReissued");
    }

    @Test
    void aFailingReissue_staysAtItsStepWithRetriesLeft_andNotifiesNobody() {
        doThrow(new IllegalStateException("storage unavailable")).when(lifecycle).reissue(9L);
        ProcessInstance pi = requested(9L, "CEM-2026-T1-00003", CertificateChange.Kind.REISSUE);
        assertThat(pi).isWaitingAt("Task_ReissueCertificate");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService().executeJob(job().getId()))
                .hasMessageContaining("storage unavailable");

        assertThat(pi).isWaitingAt("Task_ReissueCertificate");
        org.assertj.core.api.Assertions.assertThat(job().getRetries()).isBetween(1, 2);
        verify(lifecycle, never()).notifyReissued(anyLong());
    }
}
