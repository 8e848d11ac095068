package cn.cabr.carbon.process;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.security.Roles;

/**
 * The work queues in Tasklist, one per kind of work, created on first start and shared with the groups that do
 * that work (filter authorizations, READ). Idempotent across restarts and nodes: a filter is found by name and
 * created only if missing (if two nodes raced, the later copies are removed, so every node keeps the same one);
 * a filter a manager edited in Tasklist is left as edited.
 * <p>
 * Every queue but 已逾期 lists the tasks of its kind for which the signed-in user is a candidate, as a user
 * (adjudication routing names the session's adjudicators) or through one of their groups, claimed or not; each
 * task shows its due date, and the queue is sorted by it. 已逾期 lists every task past its due date that the user
 * may read: what the engine's task authorizations give each group (the tasks they are candidates or assignees of),
 * and every task for managers.
 */
@Component
public class TasklistFilters {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    public static final String REVIEW = "我的审核任务";
    public static final String GRADING = "待阅卷";
    public static final String ADJUDICATION = "待裁定";
    public static final String IDENTITY = "身份核验";
    public static final String OVERDUE = "已逾期";

    record Queue(String name, String description, int priority, String color, TaskQuery query, List<String> groups) {
    }

    private final FilterService filterService;
    private final AuthorizationService authorizationService;
    private final TaskService taskService;

    TasklistFilters(FilterService filterService, AuthorizationService authorizationService, TaskService taskService) {
        this.filterService = filterService;
        this.authorizationService = authorizationService;
        this.taskService = taskService;
    }

    List<Queue> queues() {
        return List.of(
                new Queue(REVIEW, "待我审核的报名材料（含我已认领的），按截止时间排序；逾期未审的会升级给考务管理员", -20, "#1565c0",
                        candidateFor("Task_ReviewDocuments"), List.of(Roles.GROUP_REVIEWER)),
                new Queue(GRADING, "待我评分的简答题（一评、二评、三评），按截止时间排序", -20, "#6a1b9a",
                        candidateFor("Task_FirstMarking", "Task_SecondMarking", "Task_ThirdMarking"),
                        List.of(Roles.GROUP_GRADER)),
                new Queue(ADJUDICATION, "待我裁定的违纪与申诉（初次裁定、复核、分歧裁决、申诉复核），按截止时间排序", -20, "#c62828",
                        candidateFor("Task_AdjudicateViolation", "Task_ConfirmViolation", "Task_ManagerAdjudication",
                                "Task_DecideAppeal"),
                        List.of(Roles.GROUP_ADJUDICATOR, Roles.GROUP_MANAGER)),
                new Queue(IDENTITY, "考生正在等待的考前身份人工核验，请在几分钟内处理", -21, "#ef6c00",
                        candidateFor("Task_ConfirmIdentity", "Task_ConfirmIdentityEscalated"),
                        List.of(Roles.GROUP_PROCTOR, Roles.GROUP_MANAGER)),
                new Queue(OVERDUE, "已过截止时间仍未完成的任务：各岗位看到自己可处理的，考务管理员看到全部", -15, "#b71c1c",
                        taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(),
                        List.of(Roles.GROUP_REVIEWER, Roles.GROUP_GRADER, Roles.GROUP_ADJUDICATOR, Roles.GROUP_PROCTOR,
                                Roles.GROUP_MANAGER)));
    }

    private TaskQuery candidateFor(String... taskDefinitionKeys) {
        return taskService.createTaskQuery().taskDefinitionKeyIn(taskDefinitionKeys)
                .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks().orderByDueDate().asc();
    }

    /** Runs after the staff directory has set up the groups. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void setUp() {
        // managers supervise every queue: they may read every task (for 已逾期), as Cockpit already lets them
        grant(Roles.GROUP_MANAGER, Resources.TASK, "*", Permissions.READ);
        for (Queue queue : queues()) {
            Filter filter = ensure(queue);
            for (String group : queue.groups()) {
                grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }
    }

    private Filter ensure(Queue queue) {
        List<Filter> existing = filterService.createFilterQuery().filterName(queue.name()).list().stream()
                .sorted(Comparator.comparing(Filter::getId)).toList();
        if (!existing.isEmpty()) {
            existing.stream().skip(1).forEach(duplicate -> {
                log.warn("Removing duplicate Tasklist filter '{}' ({})", queue.name(), duplicate.getId());
                filterService.deleteFilter(duplicate.getId());
            });
            return existing.get(0);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", queue.description());
        properties.put("priority", queue.priority());
        properties.put("color", queue.color());
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", List.of());
        Filter filter = filterService.newTaskFilter(queue.name()).setQuery(queue.query()).setProperties(properties);
        filterService.saveFilter(filter);
        log.info("Created Tasklist filter '{}' for {}", queue.name(), queue.groups());
        return filter;
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (existing != null && existing.isPermissionGranted(permission)) {
            return;
        }
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }
}
