package cn.cabr.carbon.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** Blueprints: checked against the session's total and the bank, honoured by the papers, locked once drawn. */
@IntegrationTest
class BlueprintTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    ExamDelivery delivery;

    @Test
    void aNewSession_getsTheDefaultBlueprint_whichTheSampleBankFills() {
        ExamSession session = fixtures.newSession();
        JsonNode view = fixtures.staff("manager").get("/api/manager/sessions/" + session.getCode() + "/blueprint").json();
        assertThat(view.get("sum").asInt()).isEqualTo(150);
        assertThat(view.get("lines")).hasSize(35);
        assertThat(view.get("problems")).isEmpty();
        assertThat(view.findValuesAsText("typeLabel")).contains("单项选择题", "简答题");
    }

    @Test
    void aBlueprintThatCannotBeFilledOrDoesNotAddUp_isRefusedWithEveryProblem() {
        ExamSession session = fixtures.newSession();
        ApiClient manager = fixtures.staff("manager");
        ApiClient.Response refused = manager.put("/api/manager/sessions/" + session.getCode() + "/blueprint",
                ApiClient.toJson(Map.of("lines", List.of(
                        line("SINGLE_CHOICE", "THEORY", 1, 1, 40),
                        line("SHORT_ANSWER", "PRACTICE", 2, 12, 2),
                        line("SHORT_ANSWER", "PRACTICE", 2, 12, 1)))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("BLUEPRINT_INVALID");
        assertThat(refused.message()).contains("单项选择题·碳排放管理理论·模块1·每题1分：需要 40 道，题库中启用的只有")
                .contains("简答题·碳排放管理实务·模块2·每题12分重复出现").contains("各条目合计 76 分，应等于考期总分 150 分");
        assertThat(manager.get("/api/manager/sessions/" + session.getCode() + "/blueprint").json().get("lines")).hasSize(35);
    }

    @Test
    void aValidBlueprint_isWhatEveryPaperFollows_untilTheFirstPaperIsDrawn() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("组卷遵循");
        ApiClient manager = fixtures.staff("manager");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String subject : List.of("THEORY", "PRACTICE")) {
            for (int module = 1; module <= 5; module++) {
                lines.add(line("SINGLE_CHOICE", subject, module, 1, 5));
                lines.add(line("MULTIPLE_CHOICE", subject, module, 2, 3));
                lines.add(line("TRUE_FALSE", subject, module, 1, subject.equals("THEORY") && module <= 3 ? 3 : 1));
            }
        }
        lines.add(line("SHORT_ANSWER", "THEORY", 1, 12, 1));
        lines.add(line("SHORT_ANSWER", "PRACTICE", 3, 12, 1));
        String path = "/api/manager/sessions/" + ready.session().getCode() + "/blueprint";
        ApiClient.Response replaced = manager.put(path, ApiClient.toJson(Map.of("lines", lines)));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("sum").asInt()).isEqualTo(150);

        JsonNode paper = ready.candidate().client().post("/api/applications/" + ready.number() + "/exam/start", "").json();
        assertThat(paper.get("items")).hasSize(50 + 30 + 16 + 2);
        long sittingId = delivery.findByApplication(fixtures.applicationIdOf(ready.number())).orElseThrow().getId();
        List<SittingItem> drawn = delivery.paperOf(sittingId);
        assertThat(drawn.stream().filter(i -> i.getQuestion().getQuestionType() == QuestionType.SHORT_ANSWER
                && i.getQuestion().getSubject() == Subject.THEORY && i.getQuestion().getSyllabusModule() == 1)).hasSize(1);
        assertThat(drawn.stream().filter(i -> i.getQuestion().getQuestionType() == QuestionType.TRUE_FALSE
                && i.getQuestion().getSubject() == Subject.THEORY && i.getQuestion().getSyllabusModule() == 2)).hasSize(3);
        assertThat(drawn.stream().filter(i -> i.getQuestion().getQuestionType() == QuestionType.MULTIPLE_CHOICE
                && i.getQuestion().getSyllabusModule() == 4)).hasSize(6);

        ApiClient.Response locked = manager.put(path, ApiClient.toJson(Map.of("lines", lines)));
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.code()).isEqualTo("BLUEPRINT_LOCKED");
    }

    private static Map<String, Object> line(String type, String subject, int module, int points, int count) {
        return Map.of("type", type, "subject", subject, "module", module, "points", points, "count", count);
    }
}
