package cn.cabr.carbon.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailSendException;

import cn.cabr.carbon.notification.MailStatus;
import cn.cabr.carbon.notification.NotificationMails;

/**
 * Both ends of SendMail, and its retries: a failing mail server is tried again on the configured cycle, the row
 * counts each failure, and when the retries are used up the job becomes an incident (which Cockpit can retry).
 */
@Deployment(resources = "processes/SendMail.bpmn")
class SendMailProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestEngine.extension("mail");

    static final long NOTIFICATION_ID = 42L;

    final NotificationMails mails = mock(NotificationMails.class);

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("sendMailDelegate", new SendMailDelegate(mails));
        Mocks.register("mailSettings", new MailSettings("R3/PT10M"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void aMailSent_endsSent() {
        when(mails.deliver(NOTIFICATION_ID)).thenReturn(MailStatus.SENT);
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_SendMail");
        execute(job());
        assertThat(pi).isEnded().hasPassed("EndEvent_MailSent");
    }

    @Test
    void aCandidateWithoutAnAddress_endsNotSent_withoutRetries() {
        when(mails.deliver(NOTIFICATION_ID)).thenReturn(MailStatus.NO_ADDRESS);
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_SendMail");
        execute(job());
        assertThat(pi).isEnded().hasPassed("EndEvent_MailNotSent");
    }

    @Test
    void aMailServerDown_isTriedAgainOnTheCycle_andThenSent() {
        when(mails.deliver(NOTIFICATION_ID)).thenThrow(new MailSendException("Connection refused"))
                .thenReturn(MailStatus.SENT);
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_SendMail");
        Job first = job();
        fail(first);
        Job retried = job();
        org.assertj.core.api.Assertions.assertThat(retried.getRetries()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(retried.getDuedate()).isAfter(new java.util.Date());
        org.assertj.core.api.Assertions.assertThat(retried.getExceptionMessage()).contains("Connection refused");
        verify(mails).recordFailure(eq(NOTIFICATION_ID), anyString());
        execute(retried);
        assertThat(pi).isEnded().hasPassed("EndEvent_MailSent");
    }

    @Test
    void retriesUsedUp_becomeAnIncident_thatCanBeRetried() {
        when(mails.deliver(NOTIFICATION_ID)).thenThrow(new MailSendException("Connection refused"));
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_SendMail");
        for (int attempt = 0; attempt < 3; attempt++) {
            fail(job());
        }
        verify(mails, times(3)).recordFailure(anyLong(), anyString());
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery()
                .processInstanceId(pi.getId()).singleResult().getIncidentMessage()).contains("Connection refused");
        assertThat(pi).isWaitingAt("Task_SendMail");

        // what Cockpit's "retry" does, once the server is back
        org.mockito.Mockito.doReturn(MailStatus.SENT).when(mails).deliver(NOTIFICATION_ID);
        managementService().setJobRetries(job().getId(), 1);
        execute(job());
        assertThat(pi).isEnded().hasPassed("EndEvent_MailSent");
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery()
                .processInstanceId(pi.getId()).count()).isZero();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("SendMail", String.valueOf(NOTIFICATION_ID),
                Map.of("notificationId", NOTIFICATION_ID));
    }

    private static void fail(Job job) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService().executeJob(job.getId()))
                .hasMessageContaining("Connection refused");
    }
}
