package cn.cabr.carbon.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
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

import cn.cabr.carbon.adjudication.AdjudicationDecision;
import cn.cabr.carbon.adjudication.AdjudicationStage;
import cn.cabr.carbon.adjudication.Adjudications;
import cn.cabr.carbon.adjudication.TechnicalRemedies;
import cn.cabr.carbon.adjudication.TechnicalRemedy;
import cn.cabr.carbon.application.CaseOutcome;
import cn.cabr.carbon.calendar.WorkingDays;
import cn.cabr.carbon.casefile.CaseFiles;
import cn.cabr.carbon.certificate.CertificateRenderingException;
import cn.cabr.carbon.certificate.Certificates;
import cn.cabr.carbon.eligibility.Eligibility;
import cn.cabr.carbon.eligibility.EligibilityFacts;
import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.Grading;
import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.exam.SittingRemedies;
import cn.cabr.carbon.exam.SittingStatus;
import cn.cabr.carbon.review.Reviews;
import cn.cabr.carbon.scoring.ExamResult;
import cn.cabr.carbon.scoring.ResultOutcome;
import cn.cabr.carbon.scoring.Scoring;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.SessionDuty;
import cn.cabr.carbon.session.SessionStaff;
import cn.cabr.carbon.session.SessionStaffMember;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.training.HoursCheck;
import cn.cabr.carbon.training.TrainingHours;

/**
 * Every path of CertificationCase, with the real delegates, listeners and eligibility decision, and the
 * capability modules mocked. Test names say which path they take. The job executor is off: each asynchronous
 * step is executed explicitly, which also shows where the transaction boundaries are.
 */
@Deployment(resources = {"processes/CertificationCase.bpmn", "processes/Eligibility.dmn"})
class CertificationCaseProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestEngine.extension("case");

    static final long APPLICATION_ID = 11L;
    static final long SESSION_ID = 7L;
    static final long SITTING_ID = 31L;
    static final String NUMBER = "T01-000011";
    static final long RESIT_SITTING_ID = 32L;
    static final Instant WINDOW_END = Instant.parse("2030-01-04T00:00:00Z");

    final ExamSessions sessions = mock(ExamSessions.class);
    final CaseFiles caseFiles = mock(CaseFiles.class);
    final Reviews reviews = mock(Reviews.class);
    final Eligibility eligibility = mock(Eligibility.class);
    final TrainingHours trainingHours = mock(TrainingHours.class);
    final ExamDelivery delivery = mock(ExamDelivery.class);
    final Grading grading = mock(Grading.class);
    final Adjudications adjudications = mock(Adjudications.class);
    final Scoring scoring = mock(Scoring.class);
    final Certificates certificates = mock(Certificates.class);
    final TechnicalRemedies remedies = mock(TechnicalRemedies.class);
    final SittingRemedies sittingRemedies = mock(SittingRemedies.class);
    final Set<Milestone> reached = EnumSet.noneOf(Milestone.class);
    /** The calendar's answer, simplified: due three days (not working days: that is WorkingCalendarTests) later. */
    final WorkingDays workingDays = mock(WorkingDays.class);

    @BeforeEach
    void registerBeans() {
        // several engines live in this JVM: bind the assertions to this class's engine
        BpmnAwareTests.init(engine.getProcessEngine());
        when(sessions.isReached(anyLong(), any(Milestone.class))).thenAnswer(i -> reached.contains(i.getArgument(1)));
        SessionSchedule schedule = mock(SessionSchedule.class);
        when(schedule.dueAt(anyLong(), anyString())).thenReturn(Date.from(Instant.parse("2030-01-01T00:00:00Z")));
        TaskViews taskViews = mock(TaskViews.class);
        when(grading.shortAnswersToMark(SITTING_ID)).thenReturn(List.of(501L, 502L));
        when(grading.mark(anyLong(), anyInt(), any(), anyString(), any())).thenReturn(new Grading.MarkingResult(10, 0));
        bachelorWithYears(3);
        hours(36);
        Mocks.register("examSessions", sessions);
        Mocks.register("sessionSchedule", schedule);
        Mocks.register("caseFiles", caseFiles);
        when(workingDays.dueAfter(any(Instant.class), eq(3))).thenAnswer(i -> ((Instant) i.getArgument(0)).plus(Duration.ofDays(3)));
        Mocks.register("reviewServiceLevel", new ReviewServiceLevel(workingDays, 3));
        Mocks.register("escalateOverdueReviewDelegate", new EscalateOverdueReviewDelegate());
        Mocks.register("taskViews", taskViews);
        Mocks.register("grading", grading);
        Mocks.register("staffTaskListeners", new StaffTaskListeners(reviews, grading, adjudications, remedies));
        Mocks.register("eligibilityListeners", new EligibilityListeners(eligibility));
        Mocks.register("verifyTrainingHoursDelegate", new VerifyTrainingHoursDelegate(trainingHours));
        Mocks.register("openSittingDelegate", new OpenSittingDelegate(delivery));
        Mocks.register("computeResultDelegate", new ComputeResultDelegate(scoring));
        Mocks.register("publishResultDelegate", new PublishResultDelegate(scoring));
        Mocks.register("issueCertificateDelegate", new IssueCertificateDelegate(certificates));
        Mocks.register("notifyAdjudicationDelegate", new NotifyAdjudicationDelegate(adjudications));
        Mocks.register("adjudicationRouting", mock(AdjudicationRouting.class));
        Mocks.register("reopenSittingDelegate", new ReopenSittingDelegate(remedies));
        Mocks.register("scheduleResitDelegate", new ScheduleResitDelegate(remedies));
        Mocks.register("closeRemedyWindowDelegate", new CloseRemedyWindowDelegate(sittingRemedies));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void rejectedAtReview_endsRejectedWithTheReviewersReason() {
        ProcessInstance pi = submit();
        assertThat(pi).isWaitingAt("Task_ReviewDocuments").task().hasCandidateGroup("reviewer");
        review("REJECT", "身份证照片与本人信息不符", null);
        assertThat(pi).isEnded().hasPassed("EndEvent_ApplicationRejected");
        verify(reviews).record(eq(APPLICATION_ID), anyString(), eq(cn.cabr.carbon.review.ReviewOutcome.REJECT),
                eq("身份证照片与本人信息不符"), anyCollection());
        verify(caseFiles).close(APPLICATION_ID, CaseOutcome.REJECTED);
    }

    @Test
    void supplementRequested_resubmitted_reviewedAgain_thenIneligible() {
        ProcessInstance pi = submit();
        review("REQUEST_SUPPLEMENT", "学历证书不清晰", List.of("DIPLOMA"));
        assertThat(pi).isWaitingAt("EventGateway_AwaitSupplement");
        runtimeService().createMessageCorrelation("SupplementSubmitted").processInstanceBusinessKey(NUMBER).correlate();
        assertThat(pi).isWaitingAt("Task_ReviewDocuments");
        bachelorWithYears(0);
        review("APPROVE", null, null);
        execute(job());
        assertThat(pi).isEnded().hasPassedInOrder("Event_SupplementSubmitted", "Task_ReviewDocuments",
                "Task_CheckEligibility", "EndEvent_Ineligible");
        verify(eligibility).record(APPLICATION_ID, false, "NONE", "本科学历须从事相关工作满1年");
        verify(caseFiles).close(APPLICATION_ID, CaseOutcome.INELIGIBLE);
        assertThat(pi).variables().containsEntry("eligible", false).doesNotContainKey("eligibilityResult")
                .doesNotContainKey("educationLevel");
    }

    @Test
    void reviewDue_onTheCalendar_overdue_offeredToTheManagersToo_reviewerKeepsTheTask_thenApproved() {
        Instant created = Instant.parse("2030-04-01T01:00:00Z");
        ClockUtil.setCurrentTime(Date.from(created));
        ProcessInstance pi = submit();
        Date due = Date.from(created.plus(Duration.ofDays(3)));
        assertThat(pi).task().hasDueDate(due).hasCandidateGroup("reviewer");
        Job timer = job("Timer_ReviewOverdue");
        org.assertj.core.api.Assertions.assertThat(timer.getDuedate()).isEqualTo(due);
        verify(workingDays).dueAfter(created, 3);

        ClockUtil.setCurrentTime(Date.from(created.plus(Duration.ofDays(3).plusMinutes(1))));
        execute(timer);
        assertThat(pi).isWaitingAt("Task_ReviewDocuments", "Task_EscalateOverdueReview");
        execute(job("Task_EscalateOverdueReview"));
        assertThat(pi).hasPassed("Timer_ReviewOverdue", "Task_EscalateOverdueReview", "EndEvent_OverdueReviewEscalated")
                .isWaitingAt("Task_ReviewDocuments");
        assertThat(pi).task().hasCandidateGroup("reviewer").hasCandidateGroup("manager").hasDueDate(due);
        org.assertj.core.api.Assertions.assertThat(task(pi).getPriority()).isEqualTo(80);
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId())
                .count()).as("escalated once").isZero();

        review("APPROVE", null, null);
        assertThat(pi).isWaitingAt("Task_CheckEligibility");
    }

    @Test
    void reviewOverdue_butReviewedBeforeTheEscalationStepRan_nothingLeftToEscalate() {
        ProcessInstance pi = submit();
        assertThat(pi).isWaitingAt("Task_ReviewDocuments");
        execute(job("Timer_ReviewOverdue"));
        review("APPROVE", null, null);
        execute(job("Task_EscalateOverdueReview"));
        assertThat(pi).hasPassed("EndEvent_OverdueReviewEscalated").isWaitingAt("Task_CheckEligibility");
    }

    @Test
    void supplementResubmitted_theNewReviewTaskGetsAFreshDueDateAndTimer() {
        Instant firstCreated = Instant.parse("2030-04-01T01:00:00Z");
        ClockUtil.setCurrentTime(Date.from(firstCreated));
        ProcessInstance pi = submit();
        review("REQUEST_SUPPLEMENT", "学历证书不清晰", List.of("DIPLOMA"));
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId())
                .count()).as("the first timer went with the first task").isZero();

        Instant resubmitted = Instant.parse("2030-04-20T06:00:00Z");
        ClockUtil.setCurrentTime(Date.from(resubmitted));
        runtimeService().createMessageCorrelation("SupplementSubmitted").processInstanceBusinessKey(NUMBER).correlate();
        Date fresh = Date.from(resubmitted.plus(Duration.ofDays(3)));
        assertThat(pi).isWaitingAt("Task_ReviewDocuments").task().hasDueDate(fresh);
        org.assertj.core.api.Assertions.assertThat(job("Timer_ReviewOverdue").getDuedate()).isEqualTo(fresh);
        verify(workingDays).dueAfter(resubmitted, 3);
    }

    @Test
    void supplementRequested_materialsDeadlinePassesWhileWaiting_closedAsIncomplete() {
        ProcessInstance pi = submit();
        review("REQUEST_SUPPLEMENT", "缺少工作证明原件扫描件", List.of("EMPLOYMENT_PROOF"));
        broadcast(Milestone.MATERIALS_CLOSED, "MaterialsClosed");
        assertThat(pi).isEnded().hasPassed("Event_MaterialsClosed", "EndEvent_MaterialsIncomplete");
        verify(caseFiles).close(APPLICATION_ID, CaseOutcome.INCOMPLETE);
    }

    @Test
    void supplementRequested_afterMaterialsDeadline_closedAsIncompleteAtOnce() {
        reached.add(Milestone.MATERIALS_CLOSED);
        ProcessInstance pi = submit();
        review("REQUEST_SUPPLEMENT", "报名审核表未签字", List.of("REGISTRATION_FORM"));
        assertThat(pi).isEnded().hasPassed("Gateway_MaterialsDeadlinePassed", "EndEvent_MaterialsIncomplete")
                .hasNotPassed("EventGateway_AwaitSupplement");
        verify(caseFiles).close(APPLICATION_ID, CaseOutcome.INCOMPLETE);
    }

    @Test
    void eligible_hoursAlreadyCounted_insufficientHours() {
        reached.add(Milestone.HOURS_COUNTED);
        hours(30);
        ProcessInstance pi = approvedAndEligible();
        assertThat(pi).isWaitingAt("Task_VerifyTrainingHours").hasNotPassed("Event_HoursCounted");
        execute(job());
        assertThat(pi).isEnded().hasPassed("EndEvent_InsufficientHours").hasNotPassed("Event_HoursCounted");
        verify(caseFiles).close(APPLICATION_ID, CaseOutcome.INSUFFICIENT_HOURS);
        verify(eligibility).record(APPLICATION_ID, true, "RULE_3_BACHELOR_1Y", "符合第3条：本科及以上学历，从事相关工作满1年");
    }

    @Test
    void waitsForHoursAndExam_candidateNeverStarts_absent() {
        ProcessInstance pi = approvedAndEligible();
        assertThat(pi).isWaitingAt("Event_HoursCounted");
        broadcast(Milestone.HOURS_COUNTED, "HoursCounted");
        execute(job());
        assertThat(pi).isWaitingAt("Event_ExamOpened").variables().containsEntry("hoursSufficient", true);
        broadcast(Milestone.EXAM_OPENED, "ExamOpened");
        openSitting(SittingStatus.READY);
        assertThat(pi).isWaitingAt("Event_SittingEnded").variables().containsEntry("sittingId", SITTING_ID);
        sittingEnded(SittingStatus.ABSENT, false);
        assertThat(pi).isEnded().hasPassed("Event_SittingEnded", "Gateway_Absent", "EndEvent_Absent");
        verify(caseFiles).close(APPLICATION_ID, CaseOutcome.ABSENT);
    }

    @Test
    void examAlreadyOverWhenTheSittingOpens_absent() {
        reached.addAll(List.of(Milestone.HOURS_COUNTED, Milestone.EXAM_OPENED));
        ProcessInstance pi = approvedAndEligible();
        execute(job());
        assertThat(pi).isWaitingAt("Task_OpenSitting").hasNotPassed("Event_ExamOpened");
        openSitting(SittingStatus.ABSENT);
        assertThat(pi).isEnded().hasPassed("Gateway_ExamAlreadyClosed", "EndEvent_Absent")
                .hasNotPassed("Event_SittingEnded");
        verify(caseFiles).close(APPLICATION_ID, CaseOutcome.ABSENT);
    }

    @Test
    void submittedWithoutFlags_gradedByTwoGraders_failed_afterPublication() {
        ProcessInstance pi = toSitting();
        sittingEnded(SittingStatus.SUBMITTED, false);
        assertThat(pi).isWaitingAt("Task_FirstMarking");
        List<org.camunda.bpm.engine.task.Task> gradingTasks = taskQuery().processInstanceId(pi.getId()).list();
        org.assertj.core.api.Assertions.assertThat(gradingTasks).hasSize(2)
                .allSatisfy(t -> assertThat(t).hasCandidateGroup("grader"));
        complete(gradingTasks.get(0), withVariables("score", 12));
        complete(gradingTasks.get(1), withVariables("score", 8L));
        verify(grading).mark(eq(501L), eq(1), eq(12), anyString(), any());
        verify(grading).mark(eq(502L), eq(1), eq(8), anyString(), any());
        assertThat(pi).hasPassed("Gateway_NeedsAdjudication").hasNotPassed("Task_AdjudicateViolation");
        result(ResultOutcome.FAILED);
        assertThat(pi).isWaitingAt("Event_ScoresPublished");
        broadcast(Milestone.SCORES_PUBLISHED, "ScoresPublished");
        execute(job());
        assertThat(pi).isEnded().hasPassed("EndEvent_ExamFailed");
        verify(scoring).publish(APPLICATION_ID);
        verify(caseFiles).close(APPLICATION_ID, CaseOutcome.FAILED);
        verify(certificates, never()).issue(anyLong());
    }

    @Test
    void doubleMarking_theSecondAgreesOnOneAnswer_aThirdDecidesTheOther() {
        ProcessInstance pi = toSitting();
        sittingEnded(SittingStatus.SUBMITTED, false);
        when(grading.mark(anyLong(), eq(1), any(), anyString(), any())).thenReturn(new Grading.MarkingResult(null, 2));
        when(grading.mark(eq(501L), eq(2), any(), anyString(), any())).thenReturn(new Grading.MarkingResult(9, 0));
        when(grading.mark(eq(502L), eq(2), any(), anyString(), any())).thenReturn(new Grading.MarkingResult(null, 3));
        when(grading.mark(anyLong(), eq(3), any(), anyString(), any())).thenReturn(new Grading.MarkingResult(4, 0));
        gradeAll();
        List<org.camunda.bpm.engine.task.Task> second = taskQuery().taskDefinitionKey("Task_SecondMarking").list();
        org.assertj.core.api.Assertions.assertThat(second).hasSize(2);
        second.forEach(t -> complete(t, withVariables("score", 9)));
        org.assertj.core.api.Assertions.assertThat(taskQuery().taskDefinitionKey("Task_ThirdMarking").list()).hasSize(1);
        complete(taskQuery().taskDefinitionKey("Task_ThirdMarking").singleResult(), withVariables("score", 4));
        verify(grading).mark(eq(502L), eq(3), eq(4), anyString(), any());
        assertThat(pi).hasPassed("Task_SecondMarking", "Task_ThirdMarking", "EndEvent_AnswerMarked")
                .isWaitingAt("Task_ComputeResult");
    }

    @Test
    void terminatedByProctoring_violationConfirmedBySecondAdjudicator_noAppeal_scoreVoided() {
        reached.add(Milestone.SCORES_PUBLISHED);
        ProcessInstance pi = toSitting();
        sittingEnded(SittingStatus.TERMINATED, true);
        gradeAll();
        assertThat(pi).isWaitingAt("Task_AdjudicateViolation").task().hasCandidateGroup("adjudicator");
        adjudicate("Task_AdjudicateViolation", "VIOLATION_CONFIRMED", "第5次离开答题页面，且有复制粘贴记录");
        verify(adjudications).decide(eq(SITTING_ID), eq(AdjudicationStage.FIRST), anyString(),
                eq(AdjudicationDecision.VIOLATION_CONFIRMED), isNull(), isNull(), eq("第5次离开答题页面，且有复制粘贴记录"));
        assertThat(pi).isWaitingAt("Task_ConfirmViolation").hasNotPassed("Task_NotifyAdjudication");
        adjudicate("Task_ConfirmViolation", "VIOLATION_CONFIRMED", "同意：复制粘贴记录与离开页面时间吻合");
        notified(true);
        assertThat(pi).isWaitingAt("EventGateway_AwaitAppeal").hasNotPassed("Task_ComputeResult");
        execute(job("Timer_AppealWindowClosed"));
        assertThat(pi).hasPassed("EndEvent_AdjudicationFinal").hasNotPassed("Task_ManagerAdjudication", "Task_DecideAppeal");
        result(ResultOutcome.VOIDED);
        assertThat(pi).isWaitingAt("Task_PublishResult").hasNotPassed("Event_ScoresPublished");
        execute(job());
        assertThat(pi).isEnded().hasPassed("EndEvent_ScoreVoided");
        verify(caseFiles).close(APPLICATION_ID, CaseOutcome.VOIDED);
    }

    @Test
    void flaggedButCleared_passed_waitsForCertificateDate_certificateIssued() {
        ProcessInstance pi = toSitting();
        sittingEnded(SittingStatus.TIMED_OUT, true);
        gradeAll();
        adjudicate("Task_AdjudicateViolation", "NO_VIOLATION", "离开页面系网络中断所致，已核实");
        assertThat(pi).hasNotPassed("Task_ConfirmViolation");
        notified(false);
        assertThat(pi).hasPassed("EndEvent_AdjudicationFinal").hasNotPassed("EventGateway_AwaitAppeal");
        result(ResultOutcome.PASSED);
        broadcast(Milestone.SCORES_PUBLISHED, "ScoresPublished");
        execute(job());
        assertThat(pi).isWaitingAt("Event_CertificatesIssued");
        broadcast(Milestone.CERTIFICATES_ISSUED, "CertificatesIssued");
        assertThat(pi).isWaitingAt("Task_IssueCertificate");
        execute(job());
        assertThat(pi).isEnded().hasPassed("Task_AdjudicateViolation", "EndEvent_CertificateIssued");
        verify(certificates).issue(APPLICATION_ID);
        verify(caseFiles).close(APPLICATION_ID, CaseOutcome.CERTIFIED);
    }

    @Test
    void violation_secondAdjudicatorDisagrees_managerDecides_noViolation() {
        ProcessInstance pi = flaggedSittingAtAdjudication();
        adjudicate("Task_AdjudicateViolation", "VIOLATION_CONFIRMED", "画面中出现第二张人脸");
        adjudicate("Task_ConfirmViolation", "NO_VIOLATION", "第二张人脸为背景中的海报，不构成违纪");
        assertThat(pi).isWaitingAt("Task_ManagerAdjudication").task().hasCandidateGroup("manager");
        adjudicate("Task_ManagerAdjudication", "NO_VIOLATION", "经核查录像截图，确为海报");
        verify(adjudications).decide(eq(SITTING_ID), eq(AdjudicationStage.MANAGER), anyString(),
                eq(AdjudicationDecision.NO_VIOLATION), isNull(), isNull(), eq("经核查录像截图，确为海报"));
        notified(false);
        assertThat(pi).hasPassed("Task_ManagerAdjudication", "EndEvent_AdjudicationFinal").isWaitingAt("Task_ComputeResult");
    }

    @Test
    void violationConfirmed_candidateAppeals_appealUpheld_scoreStands() {
        ProcessInstance pi = flaggedSittingAtAdjudication();
        adjudicate("Task_AdjudicateViolation", "VIOLATION_CONFIRMED", "多次离开答题页面");
        adjudicate("Task_ConfirmViolation", "VIOLATION_CONFIRMED", "同意初次裁定");
        notified(true);
        appealFiled();
        assertThat(pi).isWaitingAt("Task_DecideAppeal").hasPassed("Event_AppealFiled").hasNotPassed("Timer_AppealWindowClosed");
        adjudicate("Task_DecideAppeal", "NO_VIOLATION", "考生提供的停电证明属实，离开页面非本人所致");
        verify(adjudications).decide(eq(SITTING_ID), eq(AdjudicationStage.APPEAL), anyString(),
                eq(AdjudicationDecision.NO_VIOLATION), isNull(), isNull(), anyString());
        assertThat(pi).hasPassed("EndEvent_AppealDecided").isWaitingAt("Task_ComputeResult");
        result(ResultOutcome.PASSED);
        assertThat(pi).isWaitingAt("Event_ScoresPublished");
    }

    @Test
    void violationConfirmed_candidateAppeals_appealRejected_scoreVoided() {
        reached.add(Milestone.SCORES_PUBLISHED);
        ProcessInstance pi = flaggedSittingAtAdjudication();
        adjudicate("Task_AdjudicateViolation", "VIOLATION_CONFIRMED", "多次离开答题页面");
        adjudicate("Task_ConfirmViolation", "VIOLATION_CONFIRMED", "同意初次裁定");
        notified(true);
        appealFiled();
        adjudicate("Task_DecideAppeal", "VIOLATION_CONFIRMED", "申诉理由与监考截图不符，维持原裁定");
        assertThat(pi).hasPassed("EndEvent_AppealDecided");
        result(ResultOutcome.VOIDED);
        execute(job());
        assertThat(pi).isEnded().hasPassed("EndEvent_ScoreVoided");
    }

    @Test
    void technicalProblem_timeCredit_reopened_resumed_ended_onlyChangedAnswersMarkedAgain_result() {
        ProcessInstance pi = flaggedSittingAtAdjudication();
        timeCreditDecided(pi, 25);
        verify(adjudications).decide(eq(SITTING_ID), eq(AdjudicationStage.FIRST), anyString(),
                eq(AdjudicationDecision.TECHNICAL_PROBLEM), eq(TechnicalRemedy.TIME_CREDIT), eq(25),
                eq("摄像头驱动故障导致无人脸告警"));
        assertThat(pi).hasNotPassed("Task_ConfirmViolation").isWaitingAt("Task_NotifyAdjudication");
        notified(false);
        assertThat(pi).hasPassed("EndEvent_AdjudicationFinal", "Gateway_TechnicalRemedy").isWaitingAt("Task_ReopenSitting")
                .hasNotPassed("Task_ComputeResult");
        execute(job());
        verify(remedies).grantTimeCredit(SITTING_ID);
        assertThat(pi).isWaitingAt("EventGateway_AwaitRemedy").variables().containsEntry("remedyDeadline",
                Date.from(WINDOW_END));
        // the candidate resumed and submitted; one short answer changed during the credited time
        when(grading.shortAnswersToMark(SITTING_ID)).thenReturn(List.of(502L));
        sittingEnded(SittingStatus.SUBMITTED, false);
        assertThat(pi).hasPassed("Event_RemedySittingEnded").hasNotPassed("Timer_RemedyWindowClosed");
        org.assertj.core.api.Assertions.assertThat(taskQuery().taskDefinitionKey("Task_FirstMarking").count()).isEqualTo(1);
        gradeAll();
        assertThat(pi).isWaitingAt("Task_ComputeResult");
        result(ResultOutcome.PASSED);
        assertThat(pi).isWaitingAt("Event_ScoresPublished");
    }

    @Test
    void technicalProblem_timeCredit_neverResumed_windowTimerClosesIt_originalAnswersScored() {
        ProcessInstance pi = flaggedSittingAtAdjudication();
        timeCreditDecided(pi, 30);
        notified(false);
        execute(job());
        assertThat(pi).isWaitingAt("EventGateway_AwaitRemedy");
        when(sittingRemedies.closeUnused(SITTING_ID)).thenReturn(SittingRemedies.WindowOutcome.NOT_RESUMED);
        execute(job("Timer_RemedyWindowClosed"));
        assertThat(pi).isWaitingAt("Task_CloseRemedyWindow");
        execute(job());
        assertThat(pi).hasPassed("Gateway_RemedyWindowOutcome").isWaitingAt("Task_ComputeResult")
                .hasNotPassed("Event_RemedySittingEnded");
        result(ResultOutcome.FAILED);
        assertThat(pi).isWaitingAt("Event_ScoresPublished");
    }

    @Test
    void technicalProblem_resit_newSitting_sat_marked_result() {
        ProcessInstance pi = resitScheduled();
        when(grading.shortAnswersToMark(RESIT_SITTING_ID)).thenReturn(List.of(601L, 602L, 603L));
        sittingEnded(SittingStatus.SUBMITTED, false);
        assertThat(pi).hasPassed("Event_RemedySittingEnded");
        org.assertj.core.api.Assertions.assertThat(taskQuery().taskDefinitionKey("Task_FirstMarking").count()).isEqualTo(3);
        gradeAll();
        result(ResultOutcome.PASSED);
        assertThat(pi).isWaitingAt("Event_ScoresPublished");
    }

    @Test
    void technicalProblem_resit_notTakenInTheWindow_absent() {
        ProcessInstance pi = resitScheduled();
        when(sittingRemedies.closeUnused(RESIT_SITTING_ID)).thenReturn(SittingRemedies.WindowOutcome.NOT_TAKEN);
        execute(job("Timer_RemedyWindowClosed"));
        execute(job());
        assertThat(pi).isEnded().hasPassed("EndEvent_Absent").hasNotPassed("Task_ComputeResult");
        verify(caseFiles).close(APPLICATION_ID, CaseOutcome.ABSENT);
    }

    @Test
    void technicalProblem_resitStillBeingWrittenWhenTheWindowCloses_waitsForItsEnd_flaggedAgain_adjudicated() {
        ProcessInstance pi = resitScheduled();
        when(sittingRemedies.closeUnused(RESIT_SITTING_ID)).thenReturn(SittingRemedies.WindowOutcome.STILL_RUNNING);
        execute(job("Timer_RemedyWindowClosed"));
        execute(job());
        assertThat(pi).isWaitingAt("Event_SittingEnded");
        when(grading.shortAnswersToMark(RESIT_SITTING_ID)).thenReturn(List.of(601L));
        sittingEnded(SittingStatus.TIMED_OUT, true);
        gradeAll();
        assertThat(pi).isWaitingAt("Task_AdjudicateViolation");
        adjudicate("Task_AdjudicateViolation", "NO_VIOLATION", "重考中的告警系光线所致");
        verify(adjudications).decide(eq(RESIT_SITTING_ID), eq(AdjudicationStage.FIRST), anyString(),
                eq(AdjudicationDecision.NO_VIOLATION), isNull(), isNull(), anyString());
    }

    @Test
    void technicalProblemWithoutRemedy_isRefused_taskStaysOpen() {
        ProcessInstance pi = flaggedSittingAtAdjudication();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(pi),
                withVariables("decision", "TECHNICAL_PROBLEM", "reason", "摄像头驱动故障导致无人脸告警")))
                .hasMessageContaining("技术故障的处理方式");
        assertThat(pi).isWaitingAt("Task_AdjudicateViolation");
    }

    @Test
    void confirmation_goesOnlyToTheSessionsOtherAdjudicators() {
        SessionStaff staff = mock(SessionStaff.class);
        ExamSession session = mock(ExamSession.class);
        when(session.getCode()).thenReturn("T01");
        when(sessions.get(SESSION_ID)).thenReturn(session);
        List<SessionStaffMember> members = List.of(member("adjudicator", SessionDuty.ADJUDICATOR),
                member("adjudicator2", SessionDuty.ADJUDICATOR), member("proctor", SessionDuty.PROCTOR));
        when(staff.of("T01")).thenReturn(members);
        when(adjudications.deciders(SITTING_ID)).thenReturn(Set.of("adjudicator"));
        Mocks.register("adjudicationRouting", new AdjudicationRouting(staff, sessions, adjudications));
        ProcessInstance pi = flaggedSittingAtAdjudication();
        assertThat(pi).task().hasCandidateUser("adjudicator").hasCandidateUser("adjudicator2");
        org.assertj.core.api.Assertions.assertThat(taskService().getIdentityLinksForTask(task(pi).getId()))
                .noneMatch(link -> "adjudicator".equals(link.getGroupId())).noneMatch(link -> "proctor".equals(link.getUserId()));
        adjudicate("Task_AdjudicateViolation", "VIOLATION_CONFIRMED", "多次离开答题页面");
        assertThat(pi).task().hasCandidateUser("adjudicator2");
        org.assertj.core.api.Assertions.assertThat(taskService().getIdentityLinksForTask(task(pi).getId()))
                .noneMatch(link -> "adjudicator".equals(link.getUserId()));
    }

    @Test
    void everyDateAlreadyPassed_noWaits_certificateIssued() {
        reached.addAll(List.of(Milestone.HOURS_COUNTED, Milestone.EXAM_OPENED, Milestone.SCORES_PUBLISHED,
                Milestone.CERTIFICATES_ISSUED));
        ProcessInstance pi = approvedAndEligible();
        execute(job());
        openSitting(SittingStatus.READY);
        sittingEnded(SittingStatus.SUBMITTED, false);
        gradeAll();
        result(ResultOutcome.PASSED);
        execute(job());
        assertThat(pi).isWaitingAt("Task_IssueCertificate").hasNotPassed("Event_CertificatesIssued");
        execute(job());
        assertThat(pi).isEnded().hasPassed("EndEvent_CertificateIssued").hasNotPassed("Event_HoursCounted",
                "Event_ExamOpened", "Event_ScoresPublished", "Event_CertificatesIssued");
    }

    @Test
    void certificateCannotBeProduced_retriedAfterAMinuteTenMinutesAndAnHour_thenAnIncident_thenRetriedByAnOperator() {
        reached.addAll(List.of(Milestone.HOURS_COUNTED, Milestone.EXAM_OPENED, Milestone.SCORES_PUBLISHED,
                Milestone.CERTIFICATES_ISSUED));
        when(certificates.issue(APPLICATION_ID)).thenThrow(
                new CertificateRenderingException("The application photo is not a readable JPEG or PNG image"));
        ProcessInstance pi = approvedAndEligible();
        execute(job());
        openSitting(SittingStatus.READY);
        sittingEnded(SittingStatus.SUBMITTED, false);
        gradeAll();
        result(ResultOutcome.PASSED);
        execute(job());
        assertThat(pi).isWaitingAt("Task_IssueCertificate");

        Date now = Date.from(Instant.parse("2030-03-20T01:00:00Z"));
        List<Duration> delays = new java.util.ArrayList<>();
        ClockUtil.setCurrentTime(now);
        try {
            for (int attempt = 1; attempt <= 4; attempt++) {
                String jobId = job(pi).getId();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService().executeJob(jobId))
                        .hasMessageContaining("photo");
                Job failed = job(pi);
                if (failed.getRetries() > 0) {
                    delays.add(Duration.between(now.toInstant(), failed.getDuedate().toInstant()));
                }
            }
        } finally {
            ClockUtil.reset();
        }
        org.assertj.core.api.Assertions.assertThat(delays)
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1));
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        org.assertj.core.api.Assertions.assertThat(incident.getActivityId()).isEqualTo("Task_IssueCertificate");
        org.assertj.core.api.Assertions.assertThat(incident.getIncidentMessage()).contains("photo");

        // the photo is fixed and an operator retries the job in Cockpit: the case goes on to its end
        org.mockito.Mockito.reset(certificates);
        managementService().setJobRetries(job(pi).getId(), 1);
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("EndEvent_CertificateIssued");
        verify(certificates).issue(APPLICATION_ID);
    }

    // ---- steps ----

    private ProcessInstance submit() {
        return runtimeService().startProcessInstanceByKey("CertificationCase", NUMBER,
                Map.of("applicationId", APPLICATION_ID, "candidateId", 3L, "sessionId", SESSION_ID));
    }

    private void review(String decision, String reason, List<String> documents) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("decision", decision);
        variables.put("reason", reason);
        variables.put("supplementDocuments", documents);
        complete(taskQuery().taskDefinitionKey("Task_ReviewDocuments").singleResult(), variables);
    }

    private ProcessInstance approvedAndEligible() {
        ProcessInstance pi = submit();
        review("APPROVE", null, null);
        assertThat(pi).isWaitingAt("Task_CheckEligibility");
        execute(job());
        assertThat(pi).hasPassed("Gateway_HoursCutoffReached");
        return pi;
    }

    private ProcessInstance toSitting() {
        reached.addAll(List.of(Milestone.HOURS_COUNTED, Milestone.EXAM_OPENED));
        ProcessInstance pi = approvedAndEligible();
        execute(job());
        openSitting(SittingStatus.READY);
        assertThat(pi).isWaitingAt("Event_SittingEnded");
        return pi;
    }

    private void openSitting(SittingStatus status) {
        Sitting sitting = mock(Sitting.class);
        when(sitting.getId()).thenReturn(SITTING_ID);
        when(sitting.getStatus()).thenReturn(status);
        when(delivery.open(APPLICATION_ID)).thenReturn(sitting);
        execute(job());
    }

    private void sittingEnded(SittingStatus status, boolean flagged) {
        runtimeService().createMessageCorrelation("SittingEnded").processInstanceVariableEquals("applicationId", APPLICATION_ID)
                .setVariable("sittingOutcome", status.name()).setVariable("proctoringFlagged", flagged).correlate();
    }

    private ProcessInstance flaggedSittingAtAdjudication() {
        ProcessInstance pi = toSitting();
        sittingEnded(SittingStatus.SUBMITTED, true);
        gradeAll();
        assertThat(pi).isWaitingAt("Task_AdjudicateViolation");
        return pi;
    }

    private void timeCreditDecided(ProcessInstance pi, int minutes) {
        when(remedies.inForce(SITTING_ID)).thenReturn(Optional.of(TechnicalRemedy.TIME_CREDIT));
        when(remedies.grantTimeCredit(SITTING_ID)).thenReturn(new TechnicalRemedies.Granted(SITTING_ID, WINDOW_END));
        complete(task(pi), withVariables("decision", "TECHNICAL_PROBLEM",
                "remedy", "TIME_CREDIT", "creditedMinutes", (long) minutes, "reason", "摄像头驱动故障导致无人脸告警"));
    }

    /** A re-sit decided, notified and opened: the case now follows the new sitting and waits for it or the window. */
    private ProcessInstance resitScheduled() {
        ProcessInstance pi = flaggedSittingAtAdjudication();
        when(remedies.inForce(SITTING_ID)).thenReturn(Optional.of(TechnicalRemedy.RESIT));
        when(remedies.grantResit(SITTING_ID)).thenReturn(new TechnicalRemedies.Granted(RESIT_SITTING_ID, WINDOW_END));
        complete(task(pi), withVariables("decision", "TECHNICAL_PROBLEM", "remedy", "RESIT",
                "reason", "考生端网络中断超过 40 分钟，无法补救"));
        verify(adjudications).decide(eq(SITTING_ID), eq(AdjudicationStage.FIRST), anyString(),
                eq(AdjudicationDecision.TECHNICAL_PROBLEM), eq(TechnicalRemedy.RESIT), isNull(), anyString());
        notified(false);
        assertThat(pi).isWaitingAt("Task_ScheduleResit");
        execute(job());
        assertThat(pi).isWaitingAt("EventGateway_AwaitRemedy").variables().containsEntry("sittingId", RESIT_SITTING_ID);
        return pi;
    }

    private void adjudicate(String taskKey, String decision, String reason) {
        complete(taskQuery().taskDefinitionKey(taskKey).singleResult(), withVariables("decision", decision, "reason", reason));
    }

    /** The candidate is told the decision in force; a voided score opens an appeal window. */
    private void notified(boolean appealable) {
        when(adjudications.notifyDecision(SITTING_ID)).thenReturn(appealable
                ? Optional.of(Instant.parse("2030-01-15T00:00:00Z")) : Optional.empty());
        execute(job());
        verify(adjudications).notifyDecision(SITTING_ID);
    }

    private void appealFiled() {
        runtimeService().createMessageCorrelation("AppealFiled").processInstanceVariableEquals("applicationId", APPLICATION_ID)
                .setVariable("appealDue", Date.from(Instant.parse("2030-01-20T00:00:00Z"))).correlate();
    }

    private static SessionStaffMember member(String staffId, SessionDuty duty) {
        SessionStaffMember member = mock(SessionStaffMember.class);
        when(member.getStaffId()).thenReturn(staffId);
        when(member.getDuty()).thenReturn(duty);
        return member;
    }

    private void gradeAll() {
        taskQuery().taskDefinitionKey("Task_FirstMarking").list().forEach(t -> complete(t, withVariables("score", 12)));
    }

    private void result(ResultOutcome outcome) {
        ExamResult result = mock(ExamResult.class);
        when(result.getOutcome()).thenReturn(outcome);
        when(scoring.compute(APPLICATION_ID)).thenReturn(result);
        execute(job());
    }

    /** What the ExamSession process does when a milestone is reached: mark it and tell the waiting cases. */
    private void broadcast(Milestone milestone, String message) {
        reached.add(milestone);
        runtimeService().createMessageCorrelation(message).processInstanceVariableEquals("sessionId", SESSION_ID)
                .correlateAll();
    }

    private void bachelorWithYears(int years) {
        when(eligibility.factsOf(APPLICATION_ID)).thenReturn(new EligibilityFacts("BACHELOR", false, years, false));
    }

    private void hours(int counted) {
        when(trainingHours.check(APPLICATION_ID)).thenReturn(new HoursCheck(BigDecimal.valueOf(counted), 36,
                Instant.parse("2030-01-01T00:00:00Z")));
    }
}
