package cn.cabr.carbon.adjudication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cabr.carbon.session.SessionDuty;
import cn.cabr.carbon.session.SessionStaff;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * The proctors' live view: the stream lists the sittings in progress of the proctor's sessions and keeps coming;
 * a warning reaches the candidate's page; ending a sitting needs a reason and sends the case to adjudication;
 * a proctor of another session can do neither.
 */
@IntegrationTest
class LiveViewTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    SessionStaff sessionStaff;

    @Test
    void theStream_sendsTheProctorsSittingsWithEventCounts_again_andAgain() throws Exception {
        CaseFixtures.ReadyCase ready = startedWithOnePageLeave("许实时");
        CaseFixtures.ReadyCase elsewhere = fixtures.caseReadyForExam("吕别处");
        elsewhere.candidate().client().post("/api/applications/" + elsewhere.number() + "/exam/start", "");
        sessionStaff.assign(ready.session().getCode(), Map.of(SessionDuty.PROCTOR, List.of("proctor")), "test");
        ApiClient.Response beat = ready.candidate().client().post("/api/applications/" + ready.number() + "/exam/heartbeat", "");
        assertThat(beat.status()).as(beat.toString()).isEqualTo(200);

        List<JsonNode> events = readEvents(login("proctor"), "/api/staff/live/stream", 2);

        for (JsonNode sittings : events) {
            JsonNode mine = find(sittings, ready.number());
            assertThat(mine).as("the proctor's candidate in %s", sittings).isNotNull();
            assertThat(mine.get("candidateName").asText()).isEqualTo("许实时");
            assertThat(mine.get("pageLeaves").asInt()).isEqualTo(1);
            assertThat(mine.get("flaggedEvents").asInt()).isEqualTo(1);
            assertThat(mine.get("lastSeen").isNull()).isFalse();
            assertThat(mine.get("lastHeartbeat").asText()).as("the heartbeat's time").isEqualTo(
                    beat.json().get("receivedAt").asText());
            assertThat(mine.has("silentSeconds")).as("a fresh heartbeat is no gap").isFalse();
            assertThat(find(sittings, elsewhere.number())).as("another session's candidate").isNull();
        }
    }

    @Test
    void aWarning_reachesTheCandidate_andEndingNeedsAReason_thenGoesToAdjudication() {
        CaseFixtures.ReadyCase ready = startedWithOnePageLeave("曹警告");
        sessionStaff.assign(ready.session().getCode(), Map.of(SessionDuty.PROCTOR, List.of("proctor")), "test");
        ApiClient proctor = fixtures.staff("proctor");
        long sittingId = find(proctor.get("/api/staff/live/sittings").json(), ready.number()).get("sittingId").asLong();
        String sitting = "/api/staff/live/sittings/" + sittingId;

        ApiClient.Response empty = proctor.post(sitting + "/warnings", Map.of("message", ""));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.message()).contains("请填写警告内容");
        assertThat(proctor.post(sitting + "/warnings", Map.of("message", "请保持面部在摄像头画面内")).status()).isEqualTo(200);
        ApiClient candidate = ready.candidate().client();
        String messages = "/api/applications/" + ready.number() + "/exam/proctor-messages";
        assertThat(candidate.get(messages).json().findValuesAsText("message")).containsExactly("请保持面部在摄像头画面内");

        ApiClient.Response noReason = proctor.post(sitting + "/termination", Map.of("message", "走"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.message()).contains("终止考试的理由");
        assertThat(proctor.post(sitting + "/termination", Map.of("message", "画面中有他人代答")).status()).isEqualTo(200);
        String exam = "/api/applications/" + ready.number() + "/exam";
        assertThat(candidate.get(exam).json().get("status").asText()).isEqualTo("TERMINATED");
        assertThat(candidate.get(messages).json().findValuesAsText("kind")).containsExactly("WARNING", "TERMINATION");
        assertThat(find(proctor.get("/api/staff/live/sittings").json(), ready.number())).isNull();

        fixtures.tasks(ready.number(), "Task_FirstMarking").forEach(t -> fixtures.completeTask(t, Map.of("score", 0)));
        var adjudication = fixtures.task(ready.number(), "Task_AdjudicateViolation");
        assertThat(fixtures.variable(adjudication, "earlierDecisions")).contains("终止考试，理由：画面中有他人代答")
                .contains("警告考生：请保持面部在摄像头画面内");
    }

    @Test
    void anotherSessionsProctor_andCandidates_areRefused() {
        CaseFixtures.ReadyCase ready = startedWithOnePageLeave("马越权");
        ApiClient proctor = fixtures.staff("proctor");
        assertThat(find(proctor.get("/api/staff/live/sittings").json(), ready.number())).isNull();
        sessionStaff.assign(ready.session().getCode(), Map.of(SessionDuty.PROCTOR, List.of("proctor")), "test");
        long sittingId = find(proctor.get("/api/staff/live/sittings").json(), ready.number()).get("sittingId").asLong();
        sessionStaff.assign(ready.session().getCode(), Map.of(SessionDuty.PROCTOR, List.of()), "test");

        ApiClient.Response refused = proctor.post("/api/staff/live/sittings/" + sittingId + "/termination",
                Map.of("message", "画面中有他人代答"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(ready.candidate().client().get("/api/staff/live/sittings").status()).isEqualTo(403);
        assertThat(fixtures.staff("adjudicator").get("/api/staff/live/sittings").status()).isEqualTo(403);
        ApiClient stranger = fixtures.candidate("孙路人").client();
        assertThat(stranger.get("/api/applications/" + ready.number() + "/exam/proctor-messages").status()).isEqualTo(404);
    }

    private CaseFixtures.ReadyCase startedWithOnePageLeave(String name) {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam(name);
        ApiClient api = ready.candidate().client();
        String exam = "/api/applications/" + ready.number() + "/exam";
        assertThat(api.post(exam + "/start", "").status()).isEqualTo(200);
        api.post(exam + "/proctoring-events", Map.of("type", "PAGE_LEFT"));
        return ready;
    }

    private static JsonNode find(JsonNode sittings, String number) {
        for (JsonNode s : sittings) {
            if (s.get("applicationNumber").asText().equals(number)) {
                return s;
            }
        }
        return null;
    }

    /** A plain HTTP client with the proctor's session, as a browser's EventSource would have. */
    private HttpClient login(String user) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://localhost:" + fixtures.port();
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(
                        Map.of("username", user, "password", fixtures.password())))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
        return http;
    }

    /** Reads the first {@code count} "sittings" events of the stream, then hangs up. */
    private List<JsonNode> readEvents(HttpClient http, String path, int count) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + fixtures.port() + path)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while (events.size() < count && (line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "sittings".equals(event)) {
                    events.add(new ObjectMapper().readTree(line.substring(5)));
                }
            }
        }
        return events;
    }
}
