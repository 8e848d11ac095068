package cn.cabr.carbon.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * A session with double marking and half credit for multiple choice: two graders mark every short answer blind, a
 * third decides where they differ by more than the threshold; the result keeps its breakdown; afterwards the
 * session's item statistics are there for managers.
 */
@IntegrationTest
class MarkingAndStatisticsTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TaskService taskService;
    @Autowired
    ExamDelivery delivery;

    @Test
    void doubleMarking_averagesCloseMarks_aThirdGraderDecidesFarOnes_halfCreditForACorrectSubset() throws Exception {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("双评考生");
        ApiClient manager = fixtures.staff("manager");
        String code = ready.session().getCode();
        ApiClient.Response rules = manager.put("/api/manager/sessions/" + code + "/grading", ApiClient.toJson(Map.of(
                "multipleChoicePolicy", "HALF_FOR_SUBSET", "doubleMarking", true, "markingThreshold", 2)));
        assertThat(rules.status()).as(rules.toString()).isEqualTo(200);

        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        JsonNode paper = api.post(exam + "/start", "").json();
        Map<Integer, String> keys = fixtures.displayedKeys(ready.number());
        int multiple = firstPositionOf(paper, "MULTIPLE_CHOICE");
        String subset = keys.get(multiple).split(",")[0];
        api.put(exam + "/answers/" + multiple, ApiClient.toJson(Map.of("response", subset, "clientSequence", 1)));
        api.post(exam + "/submit", "");

        List<Task> first = fixtures.tasks(ready.number(), "Task_FirstMarking");
        assertThat(first).hasSize(5);
        for (int i = 0; i < first.size(); i++) {
            mark(first.get(i), "grader", i == 0 ? 10 : 8);
        }
        List<Task> second = fixtures.tasks(ready.number(), "Task_SecondMarking");
        assertThat(second).hasSize(5);
        assertThat(fixtures.variable(second.get(0), "markingRound")).startsWith("二评");
        assertThatThrownBy(() -> mark(second.get(0), "grader", 9)).hasMessageContaining("须由另一位阅卷员完成");
        Map<String, Integer> secondScores = Map.of(first.get(0).getExecutionId(), 11, first.get(1).getExecutionId(), 3);
        for (Task task : fixtures.tasks(ready.number(), "Task_SecondMarking")) {
            mark(task, "grader2", secondScores.getOrDefault(task.getExecutionId(), 8));
        }
        List<Task> third = fixtures.tasks(ready.number(), "Task_ThirdMarking");
        assertThat(third).as("only the answer marked 8 and 3 needs a third marking").hasSize(1);
        assertThat(fixtures.variable(third.get(0), "previousMarkings")).contains("一评：8 分").contains("二评：3 分");
        mark(third.get(0), "chief-grader", 6);
        fixtures.runJobs();

        fixtures.fire(manager, code, Milestone.EXAM_CLOSED);
        fixtures.fire(manager, code, Milestone.SCORES_PUBLISHED);
        JsonNode result = api.get("/api/applications/" + ready.number() + "/result").json();
        Map<String, Integer> parts = new java.util.HashMap<>();
        result.get("breakdown").forEach(p -> parts.put(p.get("category").asText(), p.get("score").asInt()));
        assertThat(parts.get("SHORT_ANSWER")).as("11 (10 and 11 averaged), 6 (third), 8, 8, 8").isEqualTo(11 + 6 + 8 + 8 + 8);
        assertThat(parts.get("MULTIPLE_CHOICE")).as("half of 2 points for a correct subset").isEqualTo(1);
        assertThat(parts.get("THEORY") + parts.get("PRACTICE")).isEqualTo(result.get("totalScore").asInt());

        JsonNode statistics = manager.get("/api/manager/sessions/" + code + "/item-statistics").json();
        assertThat(statistics).hasSize(75);
        assertThat(statistics.findValuesAsText("itemCode")).allMatch(c -> c.matches(".+ v\\d+"));
        assertThat(statistics.get(0).get("responses").asInt()).isEqualTo(1);
        ApiClient.Response workbook = manager.get("/api/manager/sessions/" + code + "/item-statistics.xlsx");
        assertThat(workbook.status()).isEqualTo(200);
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            assertThat(xlsx.getSheet("题目统计").getLastRowNum()).isEqualTo(1 + 75);
        }
    }

    private void mark(Task task, String grader, int score) {
        taskService.setAssignee(task.getId(), grader);
        taskService.complete(task.getId(), Map.of("score", score));
    }

    private static int firstPositionOf(JsonNode paper, String type) {
        for (JsonNode item : paper.get("items")) {
            if (item.get("type").asText().equals(type)) {
                return item.get("position").asInt();
            }
        }
        throw new AssertionError("no " + type);
    }
}
