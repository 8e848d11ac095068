package cn.cabr.carbon.operations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.support.CaseFixtures;

/**
 * One exam session with cases at several stages: two awaiting document review (one of them overdue), one
 * approved and waiting for the training-hours count (with an open incident), one rejected (ended); and exam
 * figures for four of them: one sitting in progress, three results (passed, failed, voided).
 */
record DashboardSeed(ExamSession session, List<String> numbers) {

    static DashboardSeed create(CaseFixtures fixtures, RuntimeService runtimeService, TaskService taskService,
            JdbcTemplate jdbc) {
        ExamSession session = fixtures.newSession();
        String waiting = fixtures.submittedApplication(fixtures.candidate("甲审核"), session.getCode());
        String overdue = fixtures.submittedApplication(fixtures.candidate("乙超期"), session.getCode());
        String approved = fixtures.submittedApplication(fixtures.candidate("丙学时"), session.getCode());
        String rejected = fixtures.submittedApplication(fixtures.candidate("丁驳回"), session.getCode());

        Task late = fixtures.task(overdue, "Task_ReviewDocuments");
        late.setDueDate(java.util.Date.from(Instant.now().minus(Duration.ofDays(2))));
        taskService.saveTask(late);
        fixtures.completeTask(fixtures.task(approved, "Task_ReviewDocuments"), Map.of("decision", "APPROVE"));
        fixtures.completeTask(fixtures.task(rejected, "Task_ReviewDocuments"),
                Map.of("decision", "REJECT", "reason", "学历不满足报考条件，且无其他证明"));
        String waitingExecution = runtimeService.createExecutionQuery().processInstanceBusinessKey(approved)
                .activityId("Event_HoursCounted").singleResult().getId();
        runtimeService.createIncident("dashboardTest", waitingExecution, "seed", "测试用故障");

        Instant now = Instant.now();
        sitting(jdbc, fixtures, waiting, session, "IN_PROGRESS", now, null);
        sitting(jdbc, fixtures, overdue, session, "SUBMITTED", now, "PASSED");
        sitting(jdbc, fixtures, approved, session, "SUBMITTED", now, "FAILED");
        sitting(jdbc, fixtures, rejected, session, "TERMINATED", now, "VOIDED");
        return new DashboardSeed(session, List.of(waiting, overdue, approved, rejected));
    }

    private static void sitting(JdbcTemplate jdbc, CaseFixtures fixtures, String number, ExamSession session,
            String status, Instant now, String outcome) {
        long applicationId = fixtures.applicationIdOf(number);
        long candidateId = jdbc.queryForObject("select candidate_id from application where id = ?", Long.class, applicationId);
        jdbc.update("insert into sitting (application_id, application_number, candidate_id, session_id, status, opened_at,"
                + " version) values (?, ?, ?, ?, ?, ?, 0)", applicationId, number, candidateId, session.getId(), status,
                Timestamp.from(now));
        if (outcome != null) {
            long sittingId = jdbc.queryForObject("select id from sitting where application_id = ?", Long.class, applicationId);
            jdbc.update("insert into exam_result (application_id, sitting_id, objective_score, short_answer_score,"
                    + " total_score, total_points, pass_mark, outcome, computed_at) values (?, ?, 80, 10, 90, 150, 90, ?, ?)",
                    applicationId, sittingId, outcome, Timestamp.from(now));
        }
    }
}
