package cn.cabr.carbon.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.IntegrationTest;

/** The manager's dashboard plugin in Cockpit: the seeded session's figures, and a link to the filtered instances. */
@IntegrationTest
class CockpitDashboardBrowserTests extends BrowserTest {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theManagerSeesTheSessionFiguresAndOpensTheCasesUnderReview() {
        DashboardSeed seed = DashboardSeed.create(fixtures, runtimeService, taskService, jdbc);
        String code = seed.session().getCode();
        JsonNode json = null;
        for (JsonNode r : fixtures.staff("manager")
                .get("/camunda/api/cockpit/plugin/certification-dashboard/default/sessions").json().get("sessions")) {
            if (r.get("code").asText().equals(code)) {
                json = r;
            }
        }
        assertThat(json).isNotNull();

        browser.login("manager", fixtures.password());
        browser.open("/camunda/app/cockpit/default/#/dashboard");
        By row = By.cssSelector(".certification-dashboard-table tr[data-session='" + code + "']");
        WebElement tr = browser.visible(row);
        for (JsonNode stage : json.get("stages")) {
            assertThat(cell(tr, stage.get("stage").asText())).as(stage.get("stage").asText())
                    .isEqualTo(stage.get("value").asText());
        }
        assertThat(cell(tr, "REVIEW")).isEqualTo("2");
        assertThat(cell(tr, "PASS_RATE")).isEqualTo("33.3%");
        assertThat(cell(tr, "VOIDED")).isEqualTo("1");
        assertThat(cell(tr, "IN_PROGRESS")).isEqualTo("1");
        assertThat(cell(tr, "OVERDUE")).isEqualTo("1");
        assertThat(cell(tr, "INCIDENTS")).isEqualTo("1");
        assertThat(browser.driver().findElement(By.cssSelector(".certification-dashboard h3")).getText())
                .isEqualTo("各考期案件统计");
        browser.screenshot("cockpit-dashboard-plugin");

        browser.click(tr.findElement(By.cssSelector("[data-figure-link='REVIEW']")));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/process-definition/CertificationCase:"));
        List<String> underReview = List.of(seed.numbers().get(0), seed.numbers().get(1));
        browser.waiting().until(d -> {
            String body = d.findElement(By.tagName("body")).getText();
            return underReview.stream().allMatch(body::contains);
        });
        String body = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(body).doesNotContain(seed.numbers().get(2)).doesNotContain(seed.numbers().get(3));
        browser.screenshot("cockpit-dashboard-filtered");
    }

    private static String cell(WebElement row, String figure) {
        return row.findElement(By.cssSelector("td[data-figure='" + figure + "']")).getText().trim();
    }
}
