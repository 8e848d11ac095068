package cn.cabr.carbon.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.calendar.WorkingDays;

/**
 * The review's service level: 人工审核报名材料 is due {@code certification.review.due-working-days} working days
 * after the day the task is created, on the working-day calendar. The task's due date and the escalation timer
 * read the same moment: the first to ask computes it (from the engine's clock) and keeps it on the task's own
 * execution, which the next arrival at the task (after a supplement) replaces with a fresh one.
 */
@Component("reviewServiceLevel")
public class ReviewServiceLevel {

    static final String REVIEW_DUE_AT = "reviewDueAt";

    private final WorkingDays workingDays;
    private final int dueWorkingDays;

    ReviewServiceLevel(WorkingDays workingDays, @Value("${certification.review.due-working-days:3}") int dueWorkingDays) {
        if (dueWorkingDays < 1) {
            throw new IllegalArgumentException("certification.review.due-working-days must be at least 1");
        }
        this.workingDays = workingDays;
        this.dueWorkingDays = dueWorkingDays;
    }

    public Date dueAt(DelegateExecution execution) {
        if (execution.getVariableLocal(REVIEW_DUE_AT) instanceof Date due) {
            return due;
        }
        Date due = Date.from(workingDays.dueAfter(ClockUtil.getCurrentTime().toInstant(), dueWorkingDays));
        execution.setVariableLocal(REVIEW_DUE_AT, due);
        return due;
    }
}
