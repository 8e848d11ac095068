package cn.cabr.carbon.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.adjudication.AdjudicationDecision;
import cn.cabr.carbon.adjudication.AdjudicationStage;
import cn.cabr.carbon.adjudication.Adjudications;
import cn.cabr.carbon.adjudication.TechnicalRemedies;
import cn.cabr.carbon.adjudication.TechnicalRemedy;
import cn.cabr.carbon.exam.Grading;
import cn.cabr.carbon.review.ReviewOutcome;
import cn.cabr.carbon.review.Reviews;
import cn.cabr.carbon.shared.BusinessException;

/**
 * Records what staff decide in Tasklist, when they complete the task. The module refuses an incomplete decision
 * (no reason, score out of range), which rolls the completion back and shows the message in Tasklist; so a
 * decision is never half-recorded.
 */
@Component("staffTaskListeners")
public class StaffTaskListeners {

    static final String DECISION = "decision";
    static final String REASON = "reason";
    static final String SUPPLEMENT_DOCUMENTS = "supplementDocuments";
    static final String SCORE = "score";
    static final String COMMENT = "comment";
    static final String REMEDY = "remedy";
    static final String CREDITED_MINUTES = "creditedMinutes";

    private final Reviews reviews;
    private final Grading grading;
    private final Adjudications adjudications;
    private final TechnicalRemedies remedies;

    StaffTaskListeners(Reviews reviews, Grading grading, Adjudications adjudications, TechnicalRemedies remedies) {
        this.reviews = reviews;
        this.grading = grading;
        this.adjudications = adjudications;
        this.remedies = remedies;
    }

    /** 人工审核: approve, reject with a reason, or ask for named documents with a reason. */
    public void reviewCompleted(DelegateTask task) {
        ReviewOutcome outcome = parse(ReviewOutcome.class, submitted(task, DECISION), "审核结论");
        reviews.record((Long) task.getVariable(CaseVariables.APPLICATION_ID), actor(task), outcome,
                TaskForms.text(submitted(task, REASON)),
                TaskForms.stringList(submitted(task, SUPPLEMENT_DOCUMENTS)));
        task.getExecution().getProcessInstance().setVariable(CaseVariables.REVIEW_DECISION, outcome.name());
    }

    /**
     * 简答题阅卷: one round of marking of one short answer, scored within its points. Tells the subprocess which
     * round is still needed (0: none), as a variable local to this answer's marking.
     */
    public void gradeCompleted(DelegateTask task, int round) {
        Grading.MarkingResult result = grading.mark((Long) task.getVariable(CaseVariables.ANSWER_ID), round,
                TaskForms.wholeNumber(submitted(task, SCORE)), actor(task), TaskForms.text(submitted(task, COMMENT)));
        task.getExecution().setVariableLocal(CaseVariables.NEXT_MARKING_ROUND, result.nextRound());
    }

    /**
     * 违纪裁定 of a case still running on a model version from before the adjudication sub-process: one decision,
     * final as it stands (as it was when that case reached the task).
     */
    public void adjudicationCompleted(DelegateTask task) {
        adjudicationCompleted(task, AdjudicationStage.SINGLE.name());
    }

    /**
     * 违纪裁定 at one stage: a decision with a reason (and a remedy for a technical problem). The decision goes on
     * the case for the subprocess's gateways; a violation in force voids the score when the result is computed.
     */
    public void adjudicationCompleted(DelegateTask task, String stage) {
        AdjudicationDecision decision = parse(AdjudicationDecision.class, submitted(task, DECISION), "裁定结论");
        Object remedy = submitted(task, REMEDY);
        TechnicalRemedy technicalRemedy = decision == AdjudicationDecision.TECHNICAL_PROBLEM
                ? parse(TechnicalRemedy.class, remedy, "技术故障的处理方式") : null;
        Integer minutes = technicalRemedy == TechnicalRemedy.TIME_CREDIT
                ? TaskForms.wholeNumber(submitted(task, CREDITED_MINUTES), "补足的分钟数") : null;
        long sittingId = (Long) task.getVariable(CaseVariables.SITTING_ID);
        adjudications.decide(sittingId, AdjudicationStage.valueOf(stage), actor(task), decision, technicalRemedy,
                minutes, TaskForms.text(submitted(task, REASON)));
        task.getExecution().getProcessInstance().setVariable(CaseVariables.ADJUDICATION_DECISION, decision.name());
        // the remedy of the decision now in force (a decision awaiting confirmation leaves none)
        task.getExecution().getProcessInstance().setVariable(CaseVariables.TECHNICAL_REMEDY,
                remedies.inForce(sittingId).map(Enum::name).orElse(CaseVariables.NO_REMEDY));
    }

    /**
     * A form field's value: Tasklist's form submission lands on the task-local variable declared when the task was
     * created; a completion through the API with variables lands on the case instead.
     */
    private static Object submitted(DelegateTask task, String field) {
        Object local = task.getVariableLocal(field);
        return local != null ? local : task.getExecution().getVariable(field);
    }

    private static String actor(DelegateTask task) {
        String user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
                : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        return user != null ? user : task.getAssignee() != null ? task.getAssignee() : "system";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            throw BusinessException.invalid("DECISION_MISSING", "请选择" + label);
        }
        try {
            return Enum.valueOf(type, value.toString());
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("DECISION_INVALID", label + "无效：" + value);
        }
    }
}
