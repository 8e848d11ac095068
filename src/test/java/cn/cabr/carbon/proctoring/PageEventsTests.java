package cn.cabr.carbon.proctoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * What the exam page reports: a hidden page and a window without focus are both page leaves (the fifth of either
 * kind ends the sitting); copy, paste and right-click are recorded apart and do not count as leaves.
 */
@IntegrationTest
class PageEventsTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    Proctoring proctoring;
    @Autowired
    ExamDelivery delivery;

    @Test
    void windowBlursCountAsPageLeaves_copyPasteAndRightClickAreRecordedApart() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("焦点离开");
        ApiClient api = ready.candidate().client();
        String events = "/api/applications/" + ready.number() + "/exam/proctoring-events";
        api.post("/api/applications/" + ready.number() + "/exam/start", "");

        assertThat(report(api, events, "PAGE_LEFT").get("pageLeaves").asInt()).isEqualTo(1);
        JsonNode blur = report(api, events, "WINDOW_BLUR");
        assertThat(blur.get("pageLeaves").asInt()).isEqualTo(2);
        assertThat(blur.get("warning").asText()).contains("失去焦点").contains("第 2 次离开答题页面").contains("满 5 次将自动结束考试");

        JsonNode copy = report(api, events, "COPY");
        assertThat(copy.get("pageLeaves").asInt()).as("copying is no page leave").isEqualTo(2);
        assertThat(copy.get("warning").asText()).contains("禁止复制");
        assertThat(report(api, events, "PASTE").get("warning").asText()).contains("禁止粘贴");
        assertThat(report(api, events, "CONTEXT_MENU").get("warning").asText()).contains("右键菜单");

        report(api, events, "PAGE_LEFT");
        assertThat(report(api, events, "WINDOW_BLUR").get("terminated").asBoolean()).isFalse();
        JsonNode fifth = report(api, events, "WINDOW_BLUR");
        assertThat(fifth.get("pageLeaves").asInt()).isEqualTo(5);
        assertThat(fifth.get("terminated").asBoolean()).isTrue();
        assertThat(api.get("/api/applications/" + ready.number() + "/exam").json().get("status").asText())
                .isEqualTo("TERMINATED");

        long sittingId = delivery.findByApplication(fixtures.applicationIdOf(ready.number())).orElseThrow().getId();
        List<ProctoringEvent> recorded = proctoring.eventsOf(sittingId);
        assertThat(recorded).extracting(ProctoringEvent::getEventType).containsExactly(ProctoringEventType.PAGE_LEFT,
                ProctoringEventType.WINDOW_BLUR, ProctoringEventType.COPY, ProctoringEventType.PASTE,
                ProctoringEventType.CONTEXT_MENU, ProctoringEventType.PAGE_LEFT, ProctoringEventType.WINDOW_BLUR,
                ProctoringEventType.WINDOW_BLUR);
        assertThat(recorded).filteredOn(e -> e.getEventType() == ProctoringEventType.CONTEXT_MENU)
                .allSatisfy(e -> assertThat(e.isFlagged()).as("a right-click alone is no violation").isFalse());
        assertThat(recorded).filteredOn(e -> e.getEventType() == ProctoringEventType.COPY)
                .allSatisfy(e -> assertThat(e.isFlagged()).isTrue());
        assertThat(proctoring.pageLeaves(sittingId)).isEqualTo(5);
    }

    private static JsonNode report(ApiClient api, String path, String type) {
        ApiClient.Response response = api.post(path, Map.of("type", type, "detail", "考试页面上报"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
