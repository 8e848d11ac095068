package cn.cabr.carbon.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/**
 * The benchmark's setup endpoints write thousands of cases without review: they exist only under the benchmark
 * profile. Outside it (as here, and in production) even a manager finds nothing there, and nothing is created.
 */
@IntegrationTest
class BenchmarkEndpointsTests {

    @Autowired
    CaseFixtures fixtures;

    @Test
    void outsideTheBenchmarkProfile_theSetupEndpointsDoNotExist() {
        ApiClient manager = fixtures.staff("manager");
        long sessionsBefore = manager.get("/api/sessions").json().size();

        for (String path : new String[] {"/api/manager/benchmark/publication/setup?cases=5",
                "/api/manager/benchmark/publication/minimal-pdfs?documents=1", "/api/manager/benchmark/setup?candidates=5"}) {
            ApiClient.Response response = manager.post(path, "");
            assertThat(response.status()).as(path + " " + response).isEqualTo(404);
        }
        assertThat(manager.get("/api/sessions").json().size()).isEqualTo(sessionsBefore);
    }
}
