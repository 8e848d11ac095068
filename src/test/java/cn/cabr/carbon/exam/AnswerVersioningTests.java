package cn.cabr.carbon.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** Saves are idempotent and versioned: a stale or repeated request never overwrites a newer answer. */
@IntegrationTest
class AnswerVersioningTests {

    @Autowired
    CaseFixtures fixtures;

    @Test
    void aStaleSaveChangesNothing_aRepeatedOneIsHarmless_andTheServerSaysWhatItHolds() {
        CaseFixtures.ReadyCase ready = ready("旧请求");
        JsonNode newer = save(ready.candidate().client(), ready, "B", 5).json();
        assertThat(newer.get("outcome").asText()).isEqualTo("APPLIED");
        assertThat(newer.get("version").asLong()).isEqualTo(1);

        JsonNode stale = save(ready.candidate().client(), ready, "C", 3).json();
        assertThat(stale.get("outcome").asText()).isEqualTo("STALE");
        assertThat(stale.get("response").asText()).isEqualTo("B");
        assertThat(stale.get("clientSequence").asLong()).isEqualTo(5);

        JsonNode repeated = save(ready.candidate().client(), ready, "B", 5).json();
        assertThat(repeated.get("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(repeated.get("version").asLong()).isEqualTo(1);

        assertThat(save(ready.candidate().client(), ready, "D", 6).json().get("version").asLong()).isEqualTo(2);
        ApiClient.Response missing = ready.candidate().client().put(path(ready), ApiClient.toJson(Map.of("response", "A")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("SEQUENCE_REQUIRED");
    }

    @Test
    void twoTabsSavingAtOnce_endWithTheHighestSequencesAnswer() throws Exception {
        CaseFixtures.ReadyCase ready = ready("双标签页");
        ApiClient tabA = ready.candidate().client();
        ApiClient tabB = fixtures.client();
        tabB.login(ready.candidate().mobile(), fixtures.password());
        String[] answers = {"A", "B", "C", "D"};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> results = new ArrayList<>();
            results.add(pool.submit(() -> {
                for (int seq = 2; seq <= 40; seq += 2) {
                    assertThat(save(tabA, ready, answers[seq % 4], seq).status()).isEqualTo(200);
                }
            }));
            results.add(pool.submit(() -> {
                for (int seq = 39; seq >= 1; seq -= 2) {
                    assertThat(save(tabB, ready, answers[seq % 4], seq).status()).isEqualTo(200);
                }
            }));
            for (Future<?> f : results) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        JsonNode item = tabB.get("/api/applications/" + ready.number() + "/exam").json().get("items").get(0);
        assertThat(item.get("clientSequence").asLong()).isEqualTo(40);
        assertThat(item.get("response").asText()).isEqualTo(answers[40 % 4]);
    }

    private CaseFixtures.ReadyCase ready(String name) {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam(name);
        assertThat(ready.candidate().client().post("/api/applications/" + ready.number() + "/exam/start", "").status())
                .isEqualTo(200);
        return ready;
    }

    private static ApiClient.Response save(ApiClient client, CaseFixtures.ReadyCase ready, String response, long sequence) {
        return client.put(path(ready), ApiClient.toJson(Map.of("response", response, "clientSequence", sequence)));
    }

    private static String path(CaseFixtures.ReadyCase ready) {
        return "/api/applications/" + ready.number() + "/exam/answers/1";
    }
}
