package cn.cabr.carbon.adjudication;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import cn.cabr.carbon.support.CaseFixtures;

/**
 * Adjudication as staff do it in Tasklist: each decision by a named person (the task is claimed first, so the
 * decision is recorded under that name), and the appeal window's timer fired on demand.
 */
public class AdjudicationSteps {

    private final CaseFixtures fixtures;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;

    public AdjudicationSteps(CaseFixtures fixtures, TaskService taskService, ManagementService managementService,
            RuntimeService runtimeService) {
        this.fixtures = fixtures;
        this.taskService = taskService;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
    }

    public void decide(String number, String taskKey, String user, String decision, String reason) {
        Task task = fixtures.task(number, taskKey);
        taskService.claim(task.getId(), user);
        fixtures.completeTask(task, Map.of("decision", decision, "reason", reason));
    }

    /** A violation found by one adjudicator and confirmed by a second: the score is void unless appealed. */
    public void violationConfirmed(String number, String reason) {
        decide(number, "Task_AdjudicateViolation", "adjudicator", "VIOLATION_CONFIRMED", reason);
        decide(number, "Task_ConfirmViolation", "adjudicator2", "VIOLATION_CONFIRMED", "同意：" + reason);
    }

    /** The appeal window ends without an appeal: the case goes on to compute the result. */
    public void closeAppealWindow(String number) {
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
        managementService.executeJob(timer.getId());
        fixtures.runJobs();
    }
}
