package cn.cabr.carbon.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
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
import java.util.Date;
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

    @BeforeEach
    void registerBeans() {
        // several engines live in this JVM: bind the assertions to this class's engine
        BpmnAwareTests.init(engine.getProcessEngine());
        SessionSchedule schedule = mock(SessionSchedule.class);
        for (Milestone m : Milestone.values()) {
            when(schedule.dueAt(SESSION_ID, m.name()))
                    .thenReturn(Date.from(Instant.parse("2031-01-01T00:00:00Z").plusSeconds(86400L * m.ordinal())));
        }
        Mocks.register("sessionSchedule", schedule);
        Mocks.register("reachMilestoneDelegate", new ReachMilestoneDelegate(sessions, runtimeService()));
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
