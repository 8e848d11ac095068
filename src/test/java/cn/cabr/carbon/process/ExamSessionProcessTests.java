package cn.cabr.carbon.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
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
import org.mockito.InOrder;

import cn.cabr.carbon.scoring.ScorePublications;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;

/**
 * Both paths of every milestone of ExamSession: its timer, read from the session's dates, and a manager's
 * "fire now". Each reached milestone is recorded in the session module and broadcast to the waiting cases, whose
 * model is deployed beside it so the broadcast reaches a real case.
 */
@Deployment(resources = {"processes/ExamSession.bpmn", "processes/CertificationCase.bpmn", "processes/Eligibility.dmn"})
class ExamSessionProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestEngine.extension("session", "CertificationCase");

    static final long SESSION_ID = 5L;

    final ExamSessions sessions = mock(ExamSessions.class);
    final ExamSession session = mock(ExamSession.class);
    final PublicationReadiness readiness = mock(PublicationReadiness.class);
    final ScorePublications publications = mock(ScorePublications.class);
    static final List<PublicationReadiness.Waiting> TWO_WAITING = List.of(
            new PublicationReadiness.Waiting("T05-000001", "阅卷（2 题未评）"),
            new PublicationReadiness.Waiting("T05-000002", "违纪裁定"));

    @BeforeEach
    @SuppressWarnings("unchecked")
    void registerBeans() {
        // several engines live in this JVM: bind the assertions to this class's engine
        BpmnAwareTests.init(engine.getProcessEngine());
        SessionSchedule schedule = mock(SessionSchedule.class);
        for (Milestone m : Milestone.values()) {
            when(schedule.dueAt(SESSION_ID, m.name()))
                    .thenReturn(Date.from(Instant.parse("2031-01-01T00:00:00Z").plusSeconds(86400L * m.ordinal())));
        }
        Mocks.register("sessionSchedule", schedule);
        Mocks.register("reachMilestoneDelegate", new ReachMilestoneDelegate(sessions, runtimeService(), mock(cn.cabr.carbon.application.Applications.class)));
        Mocks.register("checkPublicationDelegate", new CheckPublicationDelegate(readiness));
        when(sessions.get(SESSION_ID)).thenReturn(session);
        when(session.getName()).thenReturn("测试考期");
        when(session.dueAt(Milestone.SCORES_PUBLISHED)).thenReturn(Instant.parse("2031-01-06T00:00:00Z"));
        when(readiness.named(org.mockito.ArgumentMatchers.anyList(), org.mockito.ArgumentMatchers.anyInt()))
                .thenAnswer(i -> ((List<PublicationReadiness.Waiting>) i.getArgument(0)).stream()
                        .map(w -> new cn.cabr.carbon.scoring.WaitingSitting(w.applicationNumber(), "张*峰", w.waitingFor()))
                        .toList());
        Mocks.register("publicationTasks", new PublicationTasks(readiness, publications, sessions, ZoneId.of("Asia/Shanghai")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void everyMilestoneReachedByItsTimer_atTheSessionsDates() {
        ProcessInstance pi = start();
        InOrder order = inOrder(sessions);
        for (Milestone m : Milestone.values()) {
            String camel = SessionVariables.camelCase(m);
            assertThat(pi).isWaitingAt("EventGateway_Await" + camel);
            Job timer = jobQuery().processInstanceId(pi.getId()).timers().singleResult();
            org.assertj.core.api.Assertions.assertThat(timer.getDuedate())
                    .isEqualTo(Date.from(Instant.parse("2031-01-01T00:00:00Z").plusSeconds(86400L * m.ordinal())));
            execute(timer);
            if (m == Milestone.SCORES_PUBLISHED) {
                assertThat(pi).isWaitingAt("Task_CheckPublicationReadiness");
                execute(job());
                assertThat(pi).hasPassed("Task_CheckPublicationReadiness").hasNotPassed("Task_ResolvePublicationBlocked");
            }
            assertThat(pi).isWaitingAt("Task_Reach" + camel);
            execute(job());
            order.verify(sessions).reach(SESSION_ID, m, "timer");
        }
        assertThat(pi).isEnded().hasPassed("EndEvent_SessionCompleted");
    }

    @Test
    void everyMilestoneFiredByAManager_andBroadcastToTheWaitingCase() {
        ProcessInstance pi = start();
        ProcessInstance waitingCase = caseWaitingForHours();
        InOrder order = inOrder(sessions);
        for (Milestone m : Milestone.values()) {
            runtimeService().createMessageCorrelation(SessionVariables.fireMessage(m)).processInstanceBusinessKey("T05")
                    .setVariable(SessionVariables.FIRED_BY, "manager").correlate();
            execute(jobQuery().processInstanceId(pi.getId()).singleResult());
            order.verify(sessions).reach(SESSION_ID, m, "manager");
            assertThat(pi).variables().doesNotContainKey(SessionVariables.FIRED_BY);
            if (m == Milestone.HOURS_COUNTED) {
                assertThat(waitingCase).isWaitingAt("Task_VerifyTrainingHours");
            }
        }
        assertThat(pi).isEnded().hasPassed("Event_FireCertificatesIssued").hasNotPassed("Timer_ApplicationsClosed");
    }

    @Test
    void publicationDateWithSittingsWaiting_managerPublishesTheReadyResults_withTheReasonRecorded() {
        ProcessInstance pi = atPublicationDate();
        when(readiness.waiting(SESSION_ID)).thenReturn(TWO_WAITING);
        execute(job());
        assertThat(pi).isWaitingAt("Task_ResolvePublicationBlocked").task().hasCandidateGroup("manager");
        org.mockito.Mockito.verify(sessions, org.mockito.Mockito.never()).reach(anyLong(),
                org.mockito.ArgumentMatchers.eq(Milestone.SCORES_PUBLISHED), anyString());
        org.assertj.core.api.Assertions.assertThat((String) taskService().getVariable(task(pi).getId(), "waitingList"))
                .contains("T05-000001").contains("阅卷（2 题未评）").contains("违纪裁定");
        complete(task(pi), withVariables("publicationDecision", "PUBLISH_READY", "publicationReason", "两名考生待裁定，其余先公布",
                "firedBy", "manager"));
        org.mockito.Mockito.verify(publications).publishReady(org.mockito.ArgumentMatchers.eq(SESSION_ID),
                org.mockito.ArgumentMatchers.eq("manager"), org.mockito.ArgumentMatchers.eq("两名考生待裁定，其余先公布"),
                org.mockito.ArgumentMatchers.argThat(list -> list.size() == 2));
        assertThat(pi).isWaitingAt("Task_ReachScoresPublished");
        execute(job());
        org.mockito.Mockito.verify(sessions).reach(SESSION_ID, Milestone.SCORES_PUBLISHED, "manager");
        assertThat(pi).isWaitingAt("EventGateway_AwaitCertificatesIssued").hasPassed("Gateway_PublicationDecision");
    }

    @Test
    void publicationDateWithSittingsWaiting_managerChecksAgainLater_untilNothingWaits() {
        ProcessInstance pi = atPublicationDate();
        when(readiness.waiting(SESSION_ID)).thenReturn(TWO_WAITING);
        execute(job());
        complete(task(pi), withVariables("publicationDecision", "RECHECK"));
        assertThat(pi).isWaitingAt("Task_CheckPublicationReadiness");
        execute(job());
        assertThat(pi).isWaitingAt("Task_ResolvePublicationBlocked");
        when(readiness.waiting(SESSION_ID)).thenReturn(List.of());
        complete(task(pi), withVariables("publicationDecision", "RECHECK"));
        execute(job());
        assertThat(pi).isWaitingAt("Task_ReachScoresPublished");
        execute(job());
        org.mockito.Mockito.verify(sessions).reach(SESSION_ID, Milestone.SCORES_PUBLISHED, "timer");
        org.mockito.Mockito.verifyNoInteractions(publications);
    }

    @Test
    void aBlockedPublicationTask_refusesToCompleteWithoutADecision() {
        ProcessInstance pi = atPublicationDate();
        when(readiness.waiting(SESSION_ID)).thenReturn(TWO_WAITING);
        execute(job());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService().complete(task(pi).getId()))
                .hasMessageContaining("请选择");
        assertThat(pi).isWaitingAt("Task_ResolvePublicationBlocked");
    }

    /** The session's process with every milestone before the publication reached, its timer just fired. */
    private ProcessInstance atPublicationDate() {
        ProcessInstance pi = runtimeService().createProcessInstanceByKey("ExamSession").businessKey("T05")
                .setVariables(Map.of("sessionId", SESSION_ID)).startBeforeActivity("Task_CheckPublicationReadiness")
                .execute();
        assertThat(pi).isWaitingAt("Task_CheckPublicationReadiness");
        return pi;
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("ExamSession", "T05", Map.of("sessionId", SESSION_ID));
    }

    /** A case of this session that waits for the hours to be counted (started past its earlier steps). */
    private ProcessInstance caseWaitingForHours() {
        return runtimeService().createProcessInstanceByKey("CertificationCase").businessKey("T05-000001")
                .setVariables(Map.of("applicationId", 1L, "candidateId", 1L, "sessionId", SESSION_ID))
                .startBeforeActivity("Event_HoursCounted").execute();
    }
}
