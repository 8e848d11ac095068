package cn.cabr.carbon.proctoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestClock;

/**
 * Network gaps the server sees: the answer page's heartbeats stop for 60 s (ProctoringThresholds.dmn) and the detector
 * records one flagged NETWORK_GAP per gap, none for a page that keeps beating; the next heartbeat records how long it
 * lasted; two nodes detecting at once record it once; the gap sends the case to adjudication.
 */
@IntegrationTest
class NetworkGapTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    Heartbeats heartbeats;
    @Autowired
    Proctoring proctoring;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSilentPage_getsOneGapPerSilence_aBeatingPageNone_andTheResumedHeartbeatRecordsTheLength() {
        CaseFixtures.ReadyCase silent = started("心跳中断");
        CaseFixtures.ReadyCase beating = started("心跳正常");
        beat(silent);
        beat(beating);

        clock.advance(Duration.ofSeconds(30));
        beat(beating);
        assertThat(detect(silent) + detect(beating)).as("30 s of silence is no gap").isZero();

        clock.advance(Duration.ofSeconds(31));
        beat(beating);
        assertThat(detect(silent)).isEqualTo(1);
        assertThat(detect(beating)).isZero();
        clock.advance(Duration.ofSeconds(20));
        beat(beating);
        assertThat(detect(silent)).as("the same gap, seen again").isZero();
        assertThat(detect(beating)).isZero();
        assertThat(gaps(silent)).hasSize(1);
        assertThat(gaps(silent).get(0).isFlagged()).isTrue();
        assertThat(gaps(silent).get(0).getDetail()).contains("超过 60 秒未收到答题页面心跳");
        assertThat(gaps(beating)).isEmpty();

        beat(silent);
        List<ProctoringEvent> events = proctoring.eventsOf(sittingId(silent));
        ProctoringEvent restored = events.stream().filter(e -> e.getEventType() == ProctoringEventType.NETWORK_RESTORED)
                .findFirst().orElseThrow();
        assertThat(restored.isFlagged()).isFalse();
        assertThat(restored.getDetail()).containsPattern("中断约 8[1-9] 秒"); // 81 s on the test clock, plus real time
        assertThat(gaps(silent).get(0).getDetail()).containsPattern("已恢复，中断约 8[1-9] 秒");
        beat(silent);
        assertThat(proctoring.eventsOf(sittingId(silent))).as("one restoration per gap").hasSize(events.size());

        clock.advance(Duration.ofSeconds(61));
        assertThat(detect(silent)).as("a second silence is a second gap").isEqualTo(1);
        assertThat(gaps(silent)).hasSize(2);
    }

    @Test
    void aPageThatNeverSentAHeartbeat_isSilentFromItsStart() {
        CaseFixtures.ReadyCase ready = started("从未心跳");
        clock.advance(Duration.ofSeconds(59));
        assertThat(detect(ready)).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(detect(ready)).isEqualTo(1);
        assertThat(gaps(ready).get(0).getDetail()).startsWith("开考后超过 60 秒");
        beat(ready);
        assertThat(gaps(ready).get(0).getDetail()).contains("已恢复");
    }

    @Test
    void twoNodesDetectingAtOnce_recordEachGapOnce() throws Exception {
        CaseFixtures.ReadyCase beatOnce = started("并发检测甲");
        CaseFixtures.ReadyCase neverBeat = started("并发检测乙");
        beat(beatOnce);
        clock.advance(Duration.ofSeconds(90));

        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int node = 0; node < 4; node++) {
                CaseFixtures.ReadyCase ready = node % 2 == 0 ? beatOnce : neverBeat;
                runs.add(nodes.submit(() -> {
                    go.await();
                    return detect(ready);
                }));
            }
            go.countDown();
            int opened = 0;
            for (Future<Integer> run : runs) {
                opened += run.get(30, TimeUnit.SECONDS);
            }
            assertThat(opened).isEqualTo(2);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(gaps(beatOnce)).hasSize(1);
        assertThat(gaps(neverBeat)).hasSize(1);
    }

    @Test
    void aGap_sendsTheCaseToAdjudication_withTheGapOnTheTimeline() {
        CaseFixtures.ReadyCase ready = started("断网裁定");
        beat(ready);
        clock.advance(Duration.ofSeconds(75));
        assertThat(detect(ready)).isEqualTo(1);
        beat(ready);
        ApiClient api = ready.candidate().client();
        assertThat(api.post("/api/applications/" + ready.number() + "/exam/submit", "").status()).isEqualTo(200);
        fixtures.runJobs();

        fixtures.tasks(ready.number(), "Task_FirstMarking").forEach(t -> fixtures.completeTask(t, Map.of("score", 0)));
        var adjudication = fixtures.task(ready.number(), "Task_AdjudicateViolation");
        assertThat(fixtures.variable(adjudication, "proctoringEvents")).contains("网络中断（服务器未收到答题页面心跳）")
                .containsPattern("中断约 7[5-9] 秒");
    }

    @Test
    void heartbeats_onlyForTheCandidatesOwnSittingInProgress() {
        CaseFixtures.ReadyCase ready = started("心跳权限");
        String path = "/api/applications/" + ready.number() + "/exam/heartbeat";
        assertThat(fixtures.candidate("旁人心跳").client().post(path, "").status()).isEqualTo(404);
        assertThat(ready.candidate().client().post("/api/applications/" + ready.number() + "/exam/submit", "").status())
                .isEqualTo(200);
        ApiClient.Response ended = ready.candidate().client().post(path, "");
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.message()).contains("考试不在进行中");
    }

    private CaseFixtures.ReadyCase started(String name) {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam(name);
        ApiClient.Response start = ready.candidate().client().post("/api/applications/" + ready.number() + "/exam/start", "");
        assertThat(start.status()).as(start.toString()).isEqualTo(200);
        return ready;
    }

    private void beat(CaseFixtures.ReadyCase ready) {
        ApiClient.Response beat = ready.candidate().client().post("/api/applications/" + ready.number() + "/exam/heartbeat", "");
        assertThat(beat.status()).as(beat.toString()).isEqualTo(200);
    }

    private int detect(CaseFixtures.ReadyCase ready) {
        return heartbeats.detectGaps(ready.session().getId());
    }

    private long sittingId(CaseFixtures.ReadyCase ready) {
        return jdbc.queryForObject("select id from sitting where application_number = ?", Long.class, ready.number());
    }

    private List<ProctoringEvent> gaps(CaseFixtures.ReadyCase ready) {
        return proctoring.eventsOf(sittingId(ready)).stream()
                .filter(e -> e.getEventType() == ProctoringEventType.NETWORK_GAP).toList();
    }
}
