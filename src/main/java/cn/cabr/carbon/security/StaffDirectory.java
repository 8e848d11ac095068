package cn.cabr.carbon.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The staff side of the identity service, set up idempotently on every start: the groups the user tasks are
 * assigned to, what each group may do in the webapps, the shared Tasklist filters, and (in demo mode) one
 * user per role. Demo passwords come from configuration, never from the user id.
 */
@Component
public class StaffDirectory {

    private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);

    static final List<String> WORK_GROUPS = List.of(Roles.GROUP_REVIEWER, Roles.GROUP_GRADER, Roles.GROUP_ADJUDICATOR,
            Roles.GROUP_PROCTOR, Roles.GROUP_MANAGER);
    private static final Map<String, String> GROUP_NAMES = Map.of(
            Roles.GROUP_REVIEWER, "审核员",
            Roles.GROUP_GRADER, "阅卷员",
            Roles.GROUP_ADJUDICATOR, "违纪裁定员",
            Roles.GROUP_PROCTOR, "监考员",
            Roles.GROUP_MANAGER, "考务管理员",
            Roles.GROUP_CAMUNDA_ADMIN, "系统管理员");

    record DemoUser(String id, String lastName, String firstName, List<String> groups) {
    }

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("reviewer", "审核员", "王", List.of(Roles.GROUP_REVIEWER)),
            new DemoUser("grader", "阅卷员", "李", List.of(Roles.GROUP_GRADER)),
            new DemoUser("grader2", "阅卷员", "孙", List.of(Roles.GROUP_GRADER)),
            new DemoUser("adjudicator", "裁定员", "赵", List.of(Roles.GROUP_ADJUDICATOR)),
            new DemoUser("adjudicator2", "裁定员", "吴", List.of(Roles.GROUP_ADJUDICATOR)),
            new DemoUser("proctor", "监考员", "周", List.of(Roles.GROUP_PROCTOR)),
            new DemoUser("manager", "管理员", "陈", List.of(Roles.GROUP_MANAGER, Roles.GROUP_CAMUNDA_ADMIN)));

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final boolean demo;
    private final String demoPassword;
    private final String adminId;
    private final String adminPassword;

    StaffDirectory(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, @Value("${certification.demo.enabled}") boolean demo,
            @Value("${certification.demo.password}") String demoPassword,
            @Value("${certification.admin.id:}") String adminId,
            @Value("${certification.admin.password:}") String adminPassword) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.demo = demo;
        this.demoPassword = demoPassword;
        this.adminId = adminId;
        this.adminPassword = adminPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void setUp() {
        GROUP_NAMES.forEach(this::ensureGroup);
        for (String group : WORK_GROUPS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        }
        grant(Roles.GROUP_MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.GROUP_MANAGER, Resources.PROCESS_DEFINITION, "*", Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
        grant(Roles.GROUP_MANAGER, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        for (Resource resource : Resources.values()) {
            grant(Roles.GROUP_CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
        }
        ensureFilter("我的待办", "分配给我所在岗位组的任务，以及我已认领的任务", -10,
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc());
        ensureFilter("我认领的任务", "我已认领、尚未完成的任务", 0,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        if (demo) {
            DEMO_USERS.forEach(user -> ensureUser(user, demoPassword));
        }
        if (!adminId.isBlank()) {
            ensureUser(new DemoUser(adminId, "管理员", "", List.of(Roles.GROUP_MANAGER, Roles.GROUP_CAMUNDA_ADMIN)),
                    adminPassword);
        }
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(Roles.GROUP_CAMUNDA_ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    /** Creates the user on first start only: passwords changed later in Camunda Admin are kept. */
    private void ensureUser(DemoUser staff, String password) {
        if (identityService.createUserQuery().userId(staff.id()).count() > 0) {
            return;
        }
        if (password == null || password.length() < 8 || password.equalsIgnoreCase(staff.id())) {
            throw new IllegalStateException("The password configured for staff user '" + staff.id()
                    + "' must have at least 8 characters and must not equal the user id");
        }
        User user = identityService.newUser(staff.id());
        user.setFirstName(staff.firstName());
        user.setLastName(staff.lastName());
        user.setEmail(staff.id() + "@cabr-cert.example.cn");
        user.setPassword(password);
        identityService.saveUser(user);
        staff.groups().forEach(g -> identityService.createMembership(staff.id(), g));
        log.info("Created staff user '{}' in groups {}", staff.id(), staff.groups());
    }

    private void ensureFilter(String name, String description, int priority, org.camunda.bpm.engine.task.TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name);
            filter.setQuery(query);
            filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true,
                    "color", "#2e7d32"));
            filterService.saveFilter(filter);
        }
        for (String group : WORK_GROUPS) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
