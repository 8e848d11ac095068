package cn.cabr.carbon.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** The Cockpit plugin's JSON against figures counted independently through the engine's API and the tables. */
@IntegrationTest
class OperationsDashboardTests {

    private static final String PLUGIN_API = "/camunda/api/cockpit/plugin/certification-dashboard/default/sessions";

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thePluginsNumbersMatchTheDatabaseForASeededSession() {
        DashboardSeed seed = DashboardSeed.create(fixtures, runtimeService, taskService, jdbc);
        long sessionId = seed.session().getId();

        ApiClient.Response response = fixtures.staff("manager").get(PLUGIN_API);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode row = null;
        for (JsonNode r : response.json().get("sessions")) {
            if (r.get("code").asText().equals(seed.session().getCode())) {
                row = r;
            }
        }
        assertThat(row).as("row of the seeded session").isNotNull();

        // cases by stage, as the engine's own query API counts them
        long total = 0;
        for (JsonNode stage : row.get("stages")) {
            String name = stage.get("stage").asText();
            long expected = name.equals("ENDED")
                    ? historyService.createHistoricProcessInstanceQuery().processDefinitionKey("CertificationCase")
                            .variableValueEquals("sessionId", sessionId).finished().count()
                    : name.equals("OTHER") ? 0 : runningAt(sessionId, activities(name));
            assertThat(stage.get("value").asLong()).as(name).isEqualTo(expected);
            total += expected;
        }
        assertThat(row.get("casesTotal").asLong()).isEqualTo(total).isEqualTo(4);
        assertThat(stageValue(row, "REVIEW")).isEqualTo(2);
        assertThat(stageValue(row, "TRAINING_HOURS")).isEqualTo(1);
        assertThat(stageValue(row, "ENDED")).isEqualTo(1);

        long overdue = taskService.createTaskQuery().processVariableValueEquals("sessionId", sessionId)
                .dueBefore(new Date()).count();
        assertThat(row.at("/overdueTasks/value").asLong()).isEqualTo(overdue).isEqualTo(1);
        List<String> instances = runtimeService.createProcessInstanceQuery().variableValueEquals("sessionId", sessionId)
                .list().stream().map(ProcessInstance::getId).toList();
        long incidents = instances.stream().mapToLong(id -> runtimeService.createIncidentQuery().processInstanceId(id).count()).sum();
        assertThat(row.at("/openIncidents/value").asLong()).isEqualTo(incidents).isEqualTo(1);

        // exam figures, straight from the tables
        long computed = count("select count(*) from exam_result r join sitting s on s.id = r.sitting_id where s.session_id = ?", sessionId);
        long passed = count("select count(*) from exam_result r join sitting s on s.id = r.sitting_id where s.session_id = ? and r.outcome = 'PASSED'", sessionId);
        long voided = count("select count(*) from exam_result r join sitting s on s.id = r.sitting_id where s.session_id = ? and r.outcome = 'VOIDED'", sessionId);
        long answering = count("select count(*) from sitting where session_id = ? and status = 'IN_PROGRESS'", sessionId);
        assertThat(row.get("resultsComputed").asLong()).isEqualTo(computed).isEqualTo(3);
        assertThat(row.get("passed").asLong()).isEqualTo(passed).isEqualTo(1);
        assertThat(row.get("passRate").asDouble()).isEqualTo((double) passed / computed);
        assertThat(row.get("voidedSittings").asLong()).isEqualTo(voided).isEqualTo(1);
        assertThat(row.get("sittingsInProgress").asLong()).isEqualTo(answering).isEqualTo(1);

        // links open the definition's instance list filtered by session and stage
        String reviewLink = row.get("stages").get(0).get("link").asText();
        assertThat(reviewLink).startsWith("#/process-definition/CertificationCase:").contains("/runtime?searchQuery=")
                .contains("Task_ReviewDocuments").contains("sessionId");
        assertThat(row.at("/openIncidents/link").asText()).contains("withIncident");
    }

    @Test
    void aReviewerAndAnonymousCallersGetNoFigures() {
        ApiClient.Response reviewer = fixtures.staff("reviewer").get(PLUGIN_API);
        assertThat(reviewer.status()).as(reviewer.toString()).isEqualTo(403);
        assertThat(reviewer.text()).doesNotContain("stages");
        ApiClient.Response anonymous = fixtures.client().get(PLUGIN_API);
        assertThat(anonymous.status()).as(anonymous.toString()).isIn(401, 403);
        assertThat(anonymous.text()).doesNotContain("stages");
    }

    private long stageValue(JsonNode row, String stage) {
        for (JsonNode s : row.get("stages")) {
            if (s.get("stage").asText().equals(stage)) {
                return s.get("value").asLong();
            }
        }
        throw new AssertionError("no stage " + stage);
    }

    private long runningAt(long sessionId, List<String> activities) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("CertificationCase")
                .variableValueEquals("sessionId", sessionId).activityIdIn(activities.toArray(String[]::new)).count();
    }

    /** The activities of a stage, read from the model's task ids as the plugin's links name them. */
    private static List<String> activities(String stage) {
        return cn.cabr.carbon.process.CaseStagesAccess.activities(stage);
    }

    private long count(String sql, long sessionId) {
        return jdbc.queryForObject(sql, Long.class, sessionId);
    }
}
