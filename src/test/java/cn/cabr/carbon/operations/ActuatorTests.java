package cn.cabr.carbon.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** Health and Prometheus metrics: managers only (but the bare health status), with the business metrics. */
@IntegrationTest
class ActuatorTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    BusinessMetrics metrics;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aManagerReadsTheBusinessMetrics_aReviewerAndAnonymousCannot() {
        DashboardSeed seed = DashboardSeed.create(fixtures, runtimeService, taskService, jdbc);
        metrics.refresh();
        String code = seed.session().getCode();

        ApiClient.Response scrape = fixtures.client().basic("manager", fixtures.password()).get("/actuator/prometheus");
        assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
        String text = scrape.text();
        assertThat(text).contains("# HELP certification_cases ")
                .contains("certification_cases{session=\"" + code + "\",stage=\"review\"} 2.0")
                .contains("certification_cases{session=\"" + code + "\",stage=\"training_hours\"} 1.0")
                .contains("certification_cases{session=\"" + code + "\",stage=\"ended\"} 1.0")
                .contains("certification_sittings_in_progress{session=\"" + code + "\"} 1.0")
                .containsPattern("certification_incidents\\{process=\"CertificationCase\"\\} [1-9]")
                .contains("certification_incidents{process=\"SendMail\"}")
                .contains("# TYPE certification_answer_saves_total counter");

        ApiClient.Response session = fixtures.staff("manager").get("/actuator/prometheus");
        assertThat(session.status()).as("signed-in manager").isEqualTo(200);

        ApiClient.Response reviewer = fixtures.client().basic("reviewer", fixtures.password()).get("/actuator/prometheus");
        assertThat(reviewer.status()).isEqualTo(403);
        assertThat(reviewer.text()).doesNotContain("certification_cases");
        assertThat(fixtures.staff("reviewer").get("/actuator/prometheus").status()).isEqualTo(403);
        ApiClient.Response anonymous = fixtures.client().get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        CaseFixtures.Candidate candidate = fixtures.candidate("戊考生");
        assertThat(candidate.client().get("/actuator/prometheus").status()).isEqualTo(403);

        // nothing else is exposed
        assertThat(fixtures.client().basic("manager", fixtures.password()).get("/actuator/env").status()).isEqualTo(404);
    }

    @Test
    void theBareHealthStatusIsOpen_detailsAreForManagers() {
        ApiClient.Response anonymous = fixtures.client().get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        ApiClient.Response reviewer = fixtures.client().basic("reviewer", fixtures.password()).get("/actuator/health");
        assertThat(reviewer.json().has("components")).isFalse();
        ApiClient.Response manager = fixtures.client().basic("manager", fixtures.password()).get("/actuator/health");
        assertThat(manager.status()).isEqualTo(200);
        assertThat(manager.json().at("/components/db/status").asText()).isEqualTo("UP");
        // an SMTP outage is retried by the mail jobs; it must not make the node DOWN for a load balancer
        assertThat(manager.json().at("/components").has("mail")).isFalse();
    }

    @Test
    void theAnswerSaveCounterGrowsWithEachSave() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("己答题");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        assertThat(api.post(exam + "/start", "").status()).isEqualTo(200);
        double before = saves();
        int position = fixtures.shortAnswerPositions(ready.number()).get(0);
        ApiClient.Response saved = api.put(exam + "/answers/" + position, "{\"response\":\"排放源识别\",\"clientSequence\":1}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        api.put(exam + "/answers/" + position, "{\"response\":\"排放源识别与活动数据\",\"clientSequence\":2}");
        assertThat(saves()).isEqualTo(before + 2);
    }

    private double saves() {
        String text = fixtures.client().basic("manager", fixtures.password()).get("/actuator/prometheus").text();
        Matcher m = Pattern.compile("(?m)^certification_answer_saves_total(?:\\{[^}]*\\})? (\\S+)$").matcher(text);
        assertThat(m.find()).as("counter line in %s", text.lines().filter(l -> l.contains("answer")).toList()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
