package cn.cabr.carbon.process;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.exam.Grading;
import cn.cabr.carbon.exam.SittingRescued;
import cn.cabr.carbon.proctoring.Proctoring;

import static cn.cabr.carbon.process.CaseVariables.*;

/**
 * After a rescue file was imported into an ended sitting, the case sees what changed: open marking tasks show the
 * rescued short answer (their form copied the answer when they were created), and the adjudication gateway reads
 * whether the sitting is flagged now that the rescued proctoring events are recorded. The import is refused once
 * marking has begun, so the gateway is still ahead.
 */
@Component
class RescuedSittings {

    static final List<String> MARKING_TASKS = List.of("Task_FirstMarking", "Task_SecondMarking", "Task_ThirdMarking");

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Grading grading;
    private final Proctoring proctoring;

    RescuedSittings(RuntimeService runtimeService, TaskService taskService, Grading grading, Proctoring proctoring) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.grading = grading;
        this.proctoring = proctoring;
    }

    @EventListener
    @Order(20)
    void onRescue(SittingRescued rescue) {
        if (!rescue.sittingEnded()) {
            return;
        }
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(rescue.applicationNumber()).active().singleResult();
        if (instance == null) {
            return;
        }
        runtimeService.setVariable(instance.getId(), PROCTORING_FLAGGED, proctoring.isFlagged(rescue.sittingId()));
        if (rescue.changedShortAnswerIds().isEmpty()) {
            return;
        }
        for (Task task : taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKeyIn(MARKING_TASKS.toArray(String[]::new)).list()) {
            Object answerId = taskService.getVariable(task.getId(), ANSWER_ID);
            if (answerId instanceof Long id && rescue.changedShortAnswerIds().contains(id)) {
                taskService.setVariableLocal(task.getId(), "candidateAnswer", grading.shortAnswer(id).candidateAnswer());
            }
        }
    }
}
