package cn.cabr.carbon.process;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.security.Roles;

/**
 * 审核逾期，升级至考务管理员: the review task past its due date stays with the reviewer (and whoever claimed it)
 * and is offered to the managers too, with a higher priority, so a manager can reassign it, handle it, or comment
 * on it in Tasklist; it shows in their 已逾期 filter.
 */
@Component
class EscalateOverdueReviewDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(EscalateOverdueReviewDelegate.class);
    static final int ESCALATED_PRIORITY = 80;

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        Task review = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewDocuments").singleResult();
        if (review == null) {
            return; // reviewed between the timer and this step: nothing left to escalate
        }
        tasks.addCandidateGroup(review.getId(), Roles.GROUP_MANAGER);
        review.setPriority(Math.max(review.getPriority(), ESCALATED_PRIORITY));
        tasks.saveTask(review);
        log.info("Review of case {} is overdue (due {}): offered to the managers", execution.getProcessBusinessKey(),
                review.getDueDate());
    }
}
