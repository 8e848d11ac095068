package cn.cabr.carbon.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.calendar.WorkingDays;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** The Tasklist work queues on the real engine, with authorization on, as each staff group reads them. */
@IntegrationTest
class TasklistFiltersTests {

    static final List<String> QUEUES = List.of(TasklistFilters.REVIEW, TasklistFilters.GRADING,
            TasklistFilters.ADJUDICATION, TasklistFilters.IDENTITY, TasklistFilters.OVERDUE);

    @Autowired
    TasklistFilters tasklistFilters;
    @Autowired
    FilterService filterService;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    ZoneId businessZone;
    @Autowired
    CaseFixtures fixtures;

    @Test
    void everyQueueExistsOnce_afterRestartsAndAfterTwoNodesRacedToCreateOne() {
        // another node, starting at the same moment, created its own copy of one queue
        filterService.saveFilter(filterService.newTaskFilter(TasklistFilters.GRADING).setQuery(taskService.createTaskQuery()));
        tasklistFilters.setUp();
        tasklistFilters.setUp();
        for (String name : QUEUES) {
            assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
        }
        Filter review = filterService.createFilterQuery().filterName(TasklistFilters.REVIEW).singleResult();
        assertThat(review.getProperties()).containsEntry("showUndefinedVariable", false).containsKey("description")
                .containsKey("color").containsKey("priority");
        // the surviving copy is still shared with its groups
        assertThat(filtersOf("grader", "grader")).contains(TasklistFilters.GRADING);
    }

    @Test
    void eachGroupReadsTheQueuesOfItsWork_aReviewerDoesNotSeeAdjudication() {
        assertThat(filtersOf("reviewer", "reviewer")).contains(TasklistFilters.REVIEW, TasklistFilters.OVERDUE)
                .doesNotContain(TasklistFilters.ADJUDICATION, TasklistFilters.GRADING, TasklistFilters.IDENTITY);
        assertThat(filtersOf("grader", "grader")).contains(TasklistFilters.GRADING, TasklistFilters.OVERDUE)
                .doesNotContain(TasklistFilters.REVIEW, TasklistFilters.ADJUDICATION, TasklistFilters.IDENTITY);
        assertThat(filtersOf("adjudicator", "adjudicator")).contains(TasklistFilters.ADJUDICATION, TasklistFilters.OVERDUE)
                .doesNotContain(TasklistFilters.REVIEW, TasklistFilters.GRADING, TasklistFilters.IDENTITY);
        assertThat(filtersOf("proctor", "proctor")).contains(TasklistFilters.IDENTITY, TasklistFilters.OVERDUE)
                .doesNotContain(TasklistFilters.REVIEW, TasklistFilters.GRADING, TasklistFilters.ADJUDICATION);
        // a manager who is not also a system administrator
        assertThat(filtersOf("manager", "manager")).contains(TasklistFilters.ADJUDICATION, TasklistFilters.IDENTITY,
                TasklistFilters.OVERDUE).doesNotContain(TasklistFilters.REVIEW, TasklistFilters.GRADING);
    }

    @Test
    void theReviewTaskIsDueOnTheCalendar_countedInTheReviewQueue_andOnceOverdue_seenByReviewersAndManagersOnly() {
        String number = fixtures.submittedApplication(fixtures.candidate("队列测试"), fixtures.newSession().getCode());
        Task task = fixtures.task(number, "Task_ReviewDocuments");
        Instant due = task.getDueDate().toInstant();
        assertThat(due).isEqualTo(workingDays.dueAfter(task.getCreateTime().toInstant(), 3));
        ZonedDateTime local = due.atZone(businessZone);
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(17, 30));
        assertThat(workingDays.isWorkingDay(local.toLocalDate())).isTrue();

        String reviewQueue = id(TasklistFilters.REVIEW);
        String overdueQueue = id(TasklistFilters.OVERDUE);
        long reviewTasks = taskService.createTaskQuery().taskDefinitionKey("Task_ReviewDocuments")
                .taskCandidateUser("reviewer").includeAssignedTasks().count();
        assertThat(reviewTasks).isPositive();
        assertThat(as("reviewer", "reviewer", () -> filterService.count(reviewQueue))).isEqualTo(reviewTasks);
        assertThat(as("reviewer", "reviewer", () -> ids(overdueQueue))).doesNotContain(task.getId());

        Date original = task.getDueDate();
        task.setDueDate(Date.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        taskService.saveTask(task);
        try {
            assertThat(as("reviewer", "reviewer", () -> ids(overdueQueue))).contains(task.getId());
            assertThat(as("manager", "manager", () -> ids(overdueQueue))).contains(task.getId());
            assertThat(as("grader", "grader", () -> ids(overdueQueue))).doesNotContain(task.getId());
            assertThat(as("adjudicator", "adjudicator", () -> ids(overdueQueue))).doesNotContain(task.getId());
        } finally {
            task.setDueDate(original);
            taskService.saveTask(task);
        }
    }

    private List<String> filtersOf(String user, String group) {
        return as(user, group, () -> filterService.createFilterQuery().list().stream().map(Filter::getName).toList());
    }

    private List<String> ids(String filterId) {
        return filterService.<Task>list(filterId).stream().map(Task::getId).toList();
    }

    /** Looked up without authentication: call outside {@link #as}. */
    private String id(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult().getId();
    }

    private <T> T as(String user, String group, Supplier<T> work) {
        identityService.setAuthentication(user, List.of(group));
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
