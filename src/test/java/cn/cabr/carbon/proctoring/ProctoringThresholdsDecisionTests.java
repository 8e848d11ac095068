package cn.cabr.carbon.proctoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * processes/ProctoringThresholds.dmn at each boundary: the 4th and 5th page leave, 9 and 10 seconds without a face, 59
 * and 60 seconds without a heartbeat.
 */
class ProctoringThresholdsDecisionTests {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("processes/ProctoringThresholds.dmn"))) {
            decision = engine.parseDecision("ProctoringThresholds", in);
        }
    }

    static String action(String sessionCode, String measure, long value) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("sessionCode", sessionCode);
        variables.put("measure", measure);
        variables.put("value", value);
        return engine.evaluateDecisionTable(decision, variables).getSingleResult().getEntry("action");
    }

    @Test
    void theFifthPageLeave_endsTheSitting_theFourthIsAWarning() {
        assertThat(action("2026A", "PAGE_LEAVES", 1)).isEqualTo("WARN");
        assertThat(action("2026A", "PAGE_LEAVES", 4)).isEqualTo("WARN");
        assertThat(action("2026A", "PAGE_LEAVES", 5)).isEqualTo("TERMINATE");
        assertThat(action("2026A", "PAGE_LEAVES", 6)).isEqualTo("TERMINATE");
        assertThat(action("2026A", "PAGE_LEAVES", 0)).isEqualTo("NONE");
    }

    @Test
    void tenSecondsWithoutAFace_isFlagged_nineAreNot() {
        assertThat(action("2026A", "SECONDS_WITHOUT_FACE", 9)).isEqualTo("NONE");
        assertThat(action("2026A", "SECONDS_WITHOUT_FACE", 10)).isEqualTo("FLAG");
        assertThat(action(null, "SECONDS_WITHOUT_FACE", 60)).as("any session").isEqualTo("FLAG");
    }

    @Test
    void sixtySecondsWithoutAHeartbeat_isANetworkGap_fiftyNineAreNot() {
        assertThat(action("2026A", "SECONDS_WITHOUT_HEARTBEAT", 59)).isEqualTo("NONE");
        assertThat(action("2026A", "SECONDS_WITHOUT_HEARTBEAT", 60)).isEqualTo("FLAG");
        assertThat(action(null, "SECONDS_WITHOUT_HEARTBEAT", 3600)).as("any session").isEqualTo("FLAG");
        assertThat(action("2026A", "SECONDS_WITHOUT_HEARTBEAT", 0)).isEqualTo("NONE");
    }

    @Test
    void anUnknownMeasure_isLeftAlone() {
        assertThat(action("2026A", "SOMETHING_ELSE", 1000)).isEqualTo("NONE");
    }

    @Test
    void theServerReadsTheSameLimits_throughTheInterface() {
        ProctoringThresholds table = (code, measure, value) -> ProctoringThresholds.Action.valueOf(
                action(code, measure.name(), value));
        assertThat(table.lowestValueFor("2026A", ProctoringThresholds.Measure.PAGE_LEAVES,
                ProctoringThresholds.Action.TERMINATE, 100)).isEqualTo(5);
        assertThat(table.lowestValueFor("2026A", ProctoringThresholds.Measure.SECONDS_WITHOUT_FACE,
                ProctoringThresholds.Action.FLAG, 600)).isEqualTo(10);
        assertThat(table.lowestValueFor("2026A", ProctoringThresholds.Measure.SECONDS_WITHOUT_HEARTBEAT,
                ProctoringThresholds.Action.FLAG, 3600)).isEqualTo(60);
    }
}
