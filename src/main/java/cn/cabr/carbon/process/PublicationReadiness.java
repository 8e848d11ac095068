package cn.cabr.carbon.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.scoring.WaitingSitting;
import cn.cabr.carbon.shared.PersonNames;

/**
 * Which sittings of a session still wait for people: open marking tasks (grading) or an open adjudication task
 * (a first decision, its confirmation, a manager's decision on a disagreement, an appeal). These block the session's
 * publication. A case whose decision is in force and whose appeal window is merely open does not: the candidate was
 * told the decision and its reason, nobody has work to do, and its result follows automatically when the window
 * closes (or, after an appeal, when the appeal task - which then blocks like any adjudication task - is decided).
 * Cases between steps (a job about to run) follow automatically as well.
 */
@Component
class PublicationReadiness {

    static final Set<String> MARKING = Set.of("Task_FirstMarking", "Task_SecondMarking", "Task_ThirdMarking");
    static final Map<String, String> ADJUDICATION = Map.of(
            "Task_AdjudicateViolation", "违纪裁定",
            "Task_ConfirmViolation", "违纪裁定（待复核确认）",
            "Task_ManagerAdjudication", "违纪裁定（待管理员裁决分歧）",
            "Task_DecideAppeal", "申诉复核");
    private static final int CHUNK = 500;

    /** A waiting case, without the candidate's name (looked up only for the rows people are shown). */
    record Waiting(String applicationNumber, String waitingFor) {
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final Applications applications;
    private final Candidates candidates;

    PublicationReadiness(TaskService taskService, RuntimeService runtimeService, Applications applications,
            Candidates candidates) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.applications = applications;
        this.candidates = candidates;
    }

    /** The session's waiting cases, by application number: two engine queries, however many cases there are. */
    List<Waiting> waiting(long sessionId) {
        List<String> keys = new ArrayList<>(MARKING);
        keys.addAll(ADJUDICATION.keySet());
        List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
                .processVariableValueEquals(CaseVariables.SESSION_ID, sessionId)
                .taskDefinitionKeyIn(keys.toArray(String[]::new)).list();
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> openMarkings = new LinkedHashMap<>();
        Map<String, String> adjudication = new HashMap<>();
        for (Task task : tasks) {
            if (MARKING.contains(task.getTaskDefinitionKey())) {
                openMarkings.merge(task.getProcessInstanceId(), 1, Integer::sum);
            } else {
                adjudication.put(task.getProcessInstanceId(), ADJUDICATION.get(task.getTaskDefinitionKey()));
            }
        }
        List<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).distinct().toList();
        List<Waiting> waiting = new ArrayList<>();
        for (int from = 0; from < instanceIds.size(); from += CHUNK) {
            List<String> chunk = instanceIds.subList(from, Math.min(instanceIds.size(), from + CHUNK));
            for (ProcessInstance pi : runtimeService.createProcessInstanceQuery()
                    .processInstanceIds(Set.copyOf(chunk)).list()) {
                String what = adjudication.containsKey(pi.getId()) ? adjudication.get(pi.getId())
                        : "阅卷（" + openMarkings.get(pi.getId()) + " 题未评）";
                waiting.add(new Waiting(pi.getBusinessKey(), what));
            }
        }
        waiting.sort(Comparator.comparing(Waiting::applicationNumber));
        return waiting;
    }

    /** The first {@code limit} waiting cases with the candidate's masked name, for people to read. */
    List<WaitingSitting> named(List<Waiting> waiting, int limit) {
        return waiting.stream().limit(limit).map(w -> {
            Application application = applications.getByNumber(w.applicationNumber());
            return new WaitingSitting(w.applicationNumber(),
                    PersonNames.mask(candidates.get(application.getCandidateId()).getFullName()), w.waitingFor());
        }).toList();
    }

    /** Every waiting case for the record (names are not kept there: the application number identifies the case). */
    static List<WaitingSitting> unnamed(List<Waiting> waiting) {
        return waiting.stream().map(w -> new WaitingSitting(w.applicationNumber(), null, w.waitingFor())).toList();
    }
}
