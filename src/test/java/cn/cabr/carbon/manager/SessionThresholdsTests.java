package cn.cabr.carbon.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.proctoring.ProctoringThresholds;
import cn.cabr.carbon.proctoring.ProctoringThresholds.Action;
import cn.cabr.carbon.proctoring.ProctoringThresholds.Measure;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * A manager sets one session's proctoring limits on the session page (or by PUT): a new version of the decision
 * table with the session's rules on top, at once in effect for that session only; refused when invalid, once the
 * exam has opened, and for other roles; audited.
 */
@IntegrationTest
class SessionThresholdsTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    ProctoringThresholds thresholds;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ExamSessions sessions;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private long versions() {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("ProctoringThresholds").count();
    }

    private static Map<String, String> form(String warn, String terminate, String face, String heartbeat) {
        return Map.of("pageLeavesWarn", warn, "pageLeavesTerminate", terminate, "secondsWithoutFace", face,
                "secondsWithoutHeartbeat", heartbeat);
    }

    @Test
    void aChangeOnThePage_appliesAtOnceToThatSessionOnly_andIsAudited() {
        ExamSession session = fixtures.newSession();
        ExamSession other = fixtures.newSession();
        String code = session.getCode();
        ApiClient manager = fixtures.staff("manager");
        assertThat(manager.get("/manager/sessions/" + code).text()).contains("保存监考阈值").contains("value=\"5\"");

        ApiClient.Response saved = manager.postForm("/manager/sessions/" + code + "/thresholds", form("3", "8", "20", "90"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        assertThat(manager.get("/manager/sessions/" + code).text()).contains("监考阈值已保存").contains("第 8 次")
                .contains("持续 20 秒").contains("持续 90 秒");

        assertThat(thresholds.evaluate(code, Measure.PAGE_LEAVES, 2)).isEqualTo(Action.NONE);
        assertThat(thresholds.evaluate(code, Measure.PAGE_LEAVES, 3)).isEqualTo(Action.WARN);
        assertThat(thresholds.evaluate(code, Measure.PAGE_LEAVES, 7)).isEqualTo(Action.WARN);
        assertThat(thresholds.evaluate(code, Measure.PAGE_LEAVES, 8)).isEqualTo(Action.TERMINATE);
        assertThat(thresholds.evaluate(code, Measure.SECONDS_WITHOUT_FACE, 19)).isEqualTo(Action.NONE);
        assertThat(thresholds.evaluate(code, Measure.SECONDS_WITHOUT_FACE, 20)).isEqualTo(Action.FLAG);
        assertThat(thresholds.evaluate(code, Measure.SECONDS_WITHOUT_HEARTBEAT, 89)).isEqualTo(Action.NONE);
        assertThat(thresholds.evaluate(code, Measure.SECONDS_WITHOUT_HEARTBEAT, 90)).isEqualTo(Action.FLAG);
        // another session keeps the general rules
        assertThat(thresholds.evaluate(other.getCode(), Measure.PAGE_LEAVES, 1)).isEqualTo(Action.WARN);
        assertThat(thresholds.evaluate(other.getCode(), Measure.PAGE_LEAVES, 5)).isEqualTo(Action.TERMINATE);
        assertThat(thresholds.evaluate(other.getCode(), Measure.SECONDS_WITHOUT_FACE, 10)).isEqualTo(Action.FLAG);
        assertThat(thresholds.evaluate(other.getCode(), Measure.SECONDS_WITHOUT_HEARTBEAT, 60)).isEqualTo(Action.FLAG);

        DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey("ProctoringThresholds").latestVersion().singleResult();
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(latest.getDeploymentId())
                .singleResult();
        assertThat(deployment.getName()).isEqualTo("ProctoringThresholds-" + code);
        String xml = xml(latest);
        assertThat(xml).contains("Rule_" + code + "_PAGE_LEAVES_TERMINATE").contains("Rule_" + code + "_PAGE_LEAVES_WARN")
                .contains("考期 " + code + "：第 8 次离开答题页面自动结束考试").contains("Rule_Threshold1");
        assertThat(xml.indexOf("Rule_" + code + "_")).as("session rules above the general ones")
                .isLessThan(xml.indexOf("Rule_Threshold1"));

        List<String> details = jdbc.queryForList("select detail from audit_entry where action = ? and session_code = ?"
                + " and actor = 'manager'", String.class, AuditAction.SESSION_CHANGED.name(), code);
        assertThat(details).anySatisfy(d -> assertThat(d).startsWith("修改监考阈值：离开答题页面第 1 次起提醒、第 5 次终止考试")
                .endsWith("→ 离开答题页面第 3 次起提醒、第 8 次终止考试，无人脸持续 20 秒标记，失去联系持续 90 秒标记"));

        // a second change replaces the session's rules instead of piling them up
        ApiClient.Response again = manager.put("/api/manager/sessions/" + code + "/proctoring-thresholds",
                "{\"pageLeavesWarn\":2,\"pageLeavesTerminate\":4,\"secondsWithoutFace\":10,\"secondsWithoutHeartbeat\":60}");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(thresholds.evaluate(code, Measure.PAGE_LEAVES, 4)).isEqualTo(Action.TERMINATE);
        assertThat(thresholds.evaluate(code, Measure.PAGE_LEAVES, 1)).isEqualTo(Action.NONE);
        String second = xml(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("ProctoringThresholds")
                .latestVersion().singleResult());
        assertThat(second.split("Rule_" + code + "_PAGE_LEAVES_TERMINATE\"", -1)).hasSize(2);
        assertThat(second).doesNotContain("第 8 次");
    }

    @Test
    void invalidValues_areRefusedWithChineseMessages_keptInTheForm_andNothingIsDeployed() {
        String code = fixtures.newSession().getCode();
        ApiClient manager = fixtures.staff("manager");
        long before = versions();

        String page = manager.postForm("/manager/sessions/" + code + "/thresholds", form("6", "6", "abc", "700")).text();
        assertThat(page).contains("监考阈值未保存").contains("请填写整数").contains("value=\"abc\"")
                .contains("value=\"700\"");
        page = manager.postForm("/manager/sessions/" + code + "/thresholds", form("6", "6", "4", "700")).text();
        assertThat(page).contains("终止考试的次数须大于提醒的次数").contains("无人脸秒数须在 5 到 600 之间")
                .contains("失去联系秒数须在 20 到 600 之间");
        assertThat(manager.postForm("/manager/sessions/" + code + "/thresholds", form("0", "51", "10", "60")).text())
                .contains("提醒次数须在 1 到 50 之间").contains("终止次数须在 1 到 50 之间");

        ApiClient.Response api = manager.put("/api/manager/sessions/" + code + "/proctoring-thresholds",
                "{\"pageLeavesWarn\":5,\"pageLeavesTerminate\":3,\"secondsWithoutFace\":10,\"secondsWithoutHeartbeat\":60}");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.message()).contains("终止考试的次数须大于提醒的次数");
        ApiClient.Response missing = manager.put("/api/manager/sessions/" + code + "/proctoring-thresholds",
                "{\"pageLeavesWarn\":1}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("请填写全部四项阈值");

        assertThat(versions()).isEqualTo(before);
        assertThat(thresholds.evaluate(code, Measure.PAGE_LEAVES, 5)).isEqualTo(Action.TERMINATE);
    }

    @Test
    void onceTheExamHasOpened_theThresholdsAreReadOnly() {
        ExamSession session = fixtures.newSession();
        String code = session.getCode();
        sessions.reach(session.getId(), Milestone.EXAM_OPENED, "test");
        ApiClient manager = fixtures.staff("manager");
        long before = versions();

        assertThat(manager.get("/manager/sessions/" + code).text()).contains("监考阈值不能再修改")
                .doesNotContain("保存监考阈值");
        ApiClient.Response refused = manager.put("/api/manager/sessions/" + code + "/proctoring-thresholds",
                "{\"pageLeavesWarn\":2,\"pageLeavesTerminate\":4,\"secondsWithoutFace\":10,\"secondsWithoutHeartbeat\":60}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.message()).contains("考试已开始，监考阈值不能再修改");
        assertThat(manager.postForm("/manager/sessions/" + code + "/thresholds", form("2", "4", "10", "60")).text())
                .contains("考试已开始，监考阈值不能再修改");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aReviewer_get403() {
        String code = fixtures.newSession().getCode();
        ApiClient reviewer = fixtures.staff("reviewer");
        assertThat(reviewer.postForm("/manager/sessions/" + code + "/thresholds", form("2", "4", "10", "60")).status())
                .isEqualTo(403);
        assertThat(reviewer.put("/api/manager/sessions/" + code + "/proctoring-thresholds",
                "{\"pageLeavesWarn\":2,\"pageLeavesTerminate\":4,\"secondsWithoutFace\":10,\"secondsWithoutHeartbeat\":60}")
                .status()).isEqualTo(403);
    }

    @Test
    void aRestartsAutoDeployment_doesNotRedeployTheFileOverTheManagersVersion() throws Exception {
        String code = fixtures.newSession().getCode();
        ApiClient manager = fixtures.staff("manager");
        assertThat(manager.put("/api/manager/sessions/" + code + "/proctoring-thresholds",
                "{\"pageLeavesWarn\":2,\"pageLeavesTerminate\":9,\"secondsWithoutFace\":10,\"secondsWithoutHeartbeat\":60}")
                .status()).isEqualTo(200);
        long before = versions();
        // what the starter does at start-up: the same resources under its deployment name, duplicates filtered
        Deployment auto = repositoryService.createDeploymentQuery().list().stream()
                .filter(d -> !d.getName().startsWith("ProctoringThresholds-"))
                .filter(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream()
                        .anyMatch(n -> n.endsWith("ProctoringThresholds.dmn")))
                .findFirst().orElseThrow();
        String resource = repositoryService.getDeploymentResourceNames(auto.getId()).stream()
                .filter(n -> n.endsWith("ProctoringThresholds.dmn")).findFirst().orElseThrow();
        try (InputStream file = new ClassPathResource("processes/ProctoringThresholds.dmn").getInputStream()) {
            repositoryService.createDeployment().name(auto.getName()).source(auto.getSource())
                    .enableDuplicateFiltering(false).addInputStream(resource, file).deploy();
        }
        assertThat(versions()).isEqualTo(before);
        assertThat(thresholds.evaluate(code, Measure.PAGE_LEAVES, 9)).isEqualTo(Action.TERMINATE);
        assertThat(thresholds.evaluate(code, Measure.PAGE_LEAVES, 8)).isEqualTo(Action.WARN);
    }

    private String xml(DecisionDefinition definition) {
        try (InputStream in = repositoryService.getDecisionModel(definition.getId())) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
