package cn.cabr.carbon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.adjudication.AdjudicationSteps;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.BrowserTest;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** The case page after the exam: the published result, its breakdown, adjudication and the certificate. */
@IntegrationTest
class CaseResultBrowserTests extends BrowserTest {

    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void aPassedCandidateSeesTheScoreByPartAndDownloadsTheCertificate() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("冯合格");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        fixtures.displayedKeys(ready.number()).forEach((position, key) -> api.put(exam + "/answers/" + position,
                ApiClient.toJson(Map.of("response", key, "clientSequence", 1))));
        api.post(exam + "/submit", "");
        fixtures.tasks(ready.number(), "Task_FirstMarking").forEach(t -> fixtures.completeTask(t, Map.of("score", 4)));
        fixtures.runJobs();

        browser.login(ready.candidate().mobile(), fixtures.password());
        browser.open("/applications/" + ready.number());
        assertThat(browser.visible(By.id("stage")).getText()).isEqualTo("阅卷及核查中，等待成绩公布");
        assertThat(browser.driver().findElements(By.id("result"))).as("nothing before publication").isEmpty();

        ApiClient manager = fixtures.staff("manager");
        fixtures.fire(manager, ready.session().getCode(), Milestone.EXAM_CLOSED);
        fixtures.fire(manager, ready.session().getCode(), Milestone.SCORES_PUBLISHED);
        browser.open("/applications/" + ready.number());
        String result = browser.visible(By.id("result")).getText();
        int total = api.get("/api/applications/" + ready.number() + "/result").json().get("totalScore").asInt();
        assertThat(result).contains(total + " / 150 分").contains("合格").contains("碳排放管理理论").contains("碳排放管理实务")
                .contains("简答题 20 / ");
        assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("公布成绩").contains("合格，总分 " + total);

        fixtures.fire(manager, ready.session().getCode(), Milestone.CERTIFICATES_ISSUED);
        browser.open("/applications/" + ready.number());
        assertThat(browser.visible(By.id("stage")).getText()).isEqualTo("证书已颁发");
        String href = browser.visible(By.cssSelector("#certificate a")).getAttribute("href");
        Object contentType = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));", href);
        assertThat(contentType).isEqualTo("200 application/pdf");
    }

    @Test
    void aConfirmedViolationShowsOnTheCasePageWithTheVoidedScore() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("陈违纪");
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        api.post(exam + "/start", "");
        for (int leave = 1; leave <= 5; leave++) {
            api.post(exam + "/proctoring-events", Map.of("type", "PAGE_LEFT"));
        }
        fixtures.tasks(ready.number(), "Task_FirstMarking").forEach(t -> fixtures.completeTask(t, Map.of("score", 0)));

        browser.login(ready.candidate().mobile(), fixtures.password());
        browser.open("/applications/" + ready.number());
        assertThat(browser.visible(By.id("timeline")).getText()).contains("违纪核查").contains("核查结果随成绩公布");

        AdjudicationSteps adjudication = new AdjudicationSteps(fixtures, taskService, managementService, runtimeService);
        adjudication.violationConfirmed(ready.number(), "考试中 5 次离开答题页面");
        adjudication.closeAppealWindow(ready.number());
        ApiClient manager = fixtures.staff("manager");
        for (Milestone m : List.of(Milestone.EXAM_CLOSED, Milestone.SCORES_PUBLISHED)) {
            fixtures.fire(manager, ready.session().getCode(), m);
        }
        browser.open("/applications/" + ready.number());
        assertThat(browser.visible(By.id("result")).getText()).contains("0 / 150 分").contains("成绩无效（违纪）");
        assertThat(browser.driver().findElement(By.id("adjudication")).getText())
                .contains("确认违纪，成绩无效").contains("5 次离开答题页面");
        assertThat(browser.driver().findElement(By.id("outcome")).getText()).contains("违纪，成绩无效");
        assertThat(browser.driver().findElements(By.id("certificate"))).isEmpty();
    }
}
