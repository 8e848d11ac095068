package cn.cabr.carbon.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.cabr.carbon.proctoring.IdentityCheck;
import cn.cabr.carbon.proctoring.IdentityCheckIn;
import cn.cabr.carbon.proctoring.IdentityReviewRequested;

/**
 * The proctor's identity decision: a task for the proctor group due within five minutes, showing the distances and
 * the evidence link; the decision is recorded on completion, and an incomplete one keeps the task open. Five minutes
 * without a decision escalate to a task the managers can take too; thirty more end the check undecided.
 */
@Deployment(resources = {"processes/IdentityCheck.bpmn", "forms/confirm-identity.form"})
class IdentityCheckProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestEngine.extension("identity");

    final IdentityCheckIn checkIn = mock(IdentityCheckIn.class);

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        IdentityCheck check = mock(IdentityCheck.class);
        when(check.getApplicationNumber()).thenReturn("2026-001");
        when(check.getCreatedAt()).thenReturn(Instant.parse("2026-06-01T01:00:00Z"));
        when(check.getPhotoDistance()).thenReturn(0.71);
        when(check.getIdCardDistance()).thenReturn(null);
        when(check.getThreshold()).thenReturn(0.55);
        when(check.getSittingId()).thenReturn(42L);
        when(checkIn.get(7L)).thenReturn(check);
        Mocks.register("identityCheckProcesses",
                new IdentityCheckProcesses(runtimeService(), checkIn, ZoneId.of("Asia/Shanghai")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void aMismatch_becomesAProctorTaskDueInFiveMinutes_andTheDecisionIsRecorded() {
        Instant before = Instant.now();
        ((IdentityCheckProcesses) Mocks.get("identityCheckProcesses"))
                .onReviewRequested(new IdentityReviewRequested(7L, 3L, "2026-001"));
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("2026-001").singleResult();
        assertThat(pi).isWaitingAt("Task_ConfirmIdentity");
        assertThat(task()).hasCandidateGroup("proctor");
        org.assertj.core.api.Assertions.assertThat(task().getDueDate().toInstant())
                .isBetween(before.plus(Duration.ofMinutes(5)).minusSeconds(1), Instant.now().plus(Duration.ofMinutes(5)));
        String summary = (String) taskService().getVariableLocal(task().getId(), "identitySummary");
        org.assertj.core.api.Assertions.assertThat(summary).contains("0.710").contains("未检测到人脸")
                .contains("/staff/sittings/42/evidence");

        complete(task(), Map.of("identityDecision", "CONFIRMED", "identityReason", "证件照较旧，与本人一致"));

        verify(checkIn).decide(7L, null, true, "证件照较旧，与本人一致", false);
        assertThat(pi).isEnded().hasPassed("EndEvent_IdentityDecided");
        verify(checkIn, never()).escalate(anyLong());
    }

    @Test
    void proctorsTooSlow_theCheckGoesToManagersToo_whoseDecisionCounts() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("IdentityCheck", "2026-001",
                Map.of("identityCheckId", 7L, "sessionId", 3L));
        assertThat(pi).isWaitingAt("Task_ConfirmIdentity");
        assertThat(job("Event_ProctorsTooSlow")).isNotNull();

        execute(job("Event_ProctorsTooSlow"));

        assertThat(pi).hasPassed("Event_ProctorsTooSlow").isWaitingAt("Task_ConfirmIdentityEscalated");
        assertThat(task()).hasCandidateGroup("manager").hasCandidateGroup("proctor");
        verify(checkIn).escalate(7L);
        org.assertj.core.api.Assertions.assertThat((String) taskService().getVariableLocal(task().getId(),
                "identitySummary")).contains("/staff/sittings/42/evidence");
        org.assertj.core.api.Assertions.assertThat(task().getDueDate()).isNotNull();

        org.camunda.bpm.engine.IdentityService identity = engine.getProcessEngine().getIdentityService();
        identity.setAuthentication("manager", java.util.List.of("manager"));
        try {
            complete(task(), Map.of("identityDecision", "REFUSED", "identityReason", "手持证件与本人明显不符"));
        } finally {
            identity.clearAuthentication();
        }
        verify(checkIn).decide(7L, "manager", false, "手持证件与本人明显不符", true);
        assertThat(pi).isEnded().hasPassed("Task_ConfirmIdentityEscalated").hasPassed("EndEvent_IdentityDecided");
    }

    @Test
    void nobodyDecidesEvenAfterTheEscalation_theCheckExpires_andNobodyWaitsForever() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("IdentityCheck", "2026-001",
                Map.of("identityCheckId", 7L, "sessionId", 3L));
        assertThat(pi).isWaitingAt("Task_ConfirmIdentity");
        execute(job("Event_ProctorsTooSlow"));
        assertThat(pi).isWaitingAt("Task_ConfirmIdentityEscalated");

        execute(job("Event_NobodyDecided"));

        verify(checkIn).expire(7L);
        verify(checkIn, never()).decide(anyLong(), anyString(), anyBoolean(), anyString(), anyBoolean());
        assertThat(pi).isEnded().hasPassed("EndEvent_IdentityExpired").hasNotPassed("EndEvent_IdentityDecided");
    }

    @Test
    void noDecisionChosen_keepsTheTaskOpen() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("IdentityCheck", "2026-001",
                Map.of("identityCheckId", 7L, "sessionId", 3L));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(pi), Map.of("identityReason", "看不清")))
                .hasMessageContaining("请选择核验结论");
        verify(checkIn, never()).decide(anyLong(), anyString(), anyBoolean(), anyString(), anyBoolean());
        assertThat(pi).isWaitingAt("Task_ConfirmIdentity");
    }
}
