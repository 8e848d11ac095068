package cn.cabr.carbon.process;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.cabr.carbon.operations.CaseStage;

/**
 * Which CertificationCase activities belong to which stage of the managers' dashboard. Every activity a case can
 * wait at is listed (ModelStructureTests-style check in CaseStagesTests); anything else counts as OTHER.
 */
final class CaseStages {

    static final Map<CaseStage, List<String>> ACTIVITIES;

    static {
        Map<CaseStage, List<String>> m = new EnumMap<>(CaseStage.class);
        m.put(CaseStage.REVIEW, List.of("Task_ReviewDocuments", "EventGateway_AwaitSupplement",
                "Event_SupplementSubmitted", "Event_MaterialsClosed", "Task_EscalateOverdueReview"));
        m.put(CaseStage.ELIGIBILITY, List.of("Task_CheckEligibility"));
        m.put(CaseStage.TRAINING_HOURS, List.of("Event_HoursCounted", "Task_VerifyTrainingHours"));
        m.put(CaseStage.AWAITING_EXAM, List.of("Event_ExamOpened"));
        m.put(CaseStage.EXAM, List.of("Task_OpenSitting", "Event_SittingEnded", "Task_ReopenSitting",
                "Task_ScheduleResit", "EventGateway_AwaitRemedy", "Event_RemedySittingEnded", "Timer_RemedyWindowClosed",
                "Task_CloseRemedyWindow"));
        m.put(CaseStage.MARKING, List.of("Task_FirstMarking", "Task_SecondMarking", "Task_ThirdMarking"));
        m.put(CaseStage.ADJUDICATION, List.of("Task_AdjudicateViolation", "Task_ConfirmViolation",
                "Task_ManagerAdjudication", "Task_NotifyAdjudication", "EventGateway_AwaitAppeal", "Event_AppealFiled",
                "Timer_AppealWindowClosed", "Task_DecideAppeal"));
        m.put(CaseStage.PUBLICATION, List.of("Task_ComputeResult", "Event_ScoresPublished", "Task_PublishResult"));
        m.put(CaseStage.CERTIFICATE, List.of("Event_CertificatesIssued", "Task_IssueCertificate"));
        ACTIVITIES = java.util.Collections.unmodifiableMap(m);
    }

    private static final Map<String, CaseStage> BY_ACTIVITY = new LinkedHashMap<>();

    static {
        ACTIVITIES.forEach((stage, ids) -> ids.forEach(id -> BY_ACTIVITY.put(id, stage)));
    }

    static CaseStage of(String activityId) {
        return BY_ACTIVITY.getOrDefault(activityId, CaseStage.OTHER);
    }

    private CaseStages() {
    }
}
