package cn.cabr.carbon.proctoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cabr.carbon.storage.FileStorage;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestClock;

/**
 * Face images and snapshots: encrypted at rest, shown only to the staff of the sitting's session and to managers,
 * and deleted (with a record) when their session's retention period ends.
 */
@IntegrationTest
class EvidenceTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    Evidence evidence;
    @Autowired
    FileStorage storage;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    EvidenceRetention retention;

    @Test
    void snapshotsAreEncrypted_andOnTheTimelineForTheSessionsStaffOnly() {
        CaseFixtures.ReadyCase ready = fixtures.caseReadyForExam("证据查看");
        IdentityFixtures.requireCheckIn(fixtures, ready.session().getCode(), 30, List.of(), List.of("adjudicator"));
        ApiClient api = ready.candidate().client();
        String number = ready.number();
        api.post("/api/applications/" + number + "/exam/identity", IdentityFixtures.checkIn(0.1, 1));
        api.post("/api/applications/" + number + "/exam/start", "");
        com.fasterxml.jackson.databind.JsonNode monitor = api.get("/api/applications/" + number + "/exam/monitoring").json();
        assertThat(monitor.get("enabled").asBoolean()).isTrue();
        assertThat(monitor.get("noFaceSeconds").asInt()).as("from ProctoringThresholds.dmn").isEqualTo(10);
        ApiClient.Response event = api.post("/api/applications/" + number + "/exam/proctoring-events",
                Map.of("type", "MULTIPLE_FACES", "detail", "画面中检测到 2 张人脸"));
        long eventId = event.json().get("eventId").asLong();
        byte[] jpeg = IdentityFixtures.jpeg(Color.RED);
        ApiClient.Response snapshot = api.post("/api/applications/" + number + "/exam/snapshots",
                Map.of("image", IdentityFixtures.dataUrl(jpeg), "eventId", eventId));
        assertThat(snapshot.status()).as(snapshot.toString()).isEqualTo(200);
        long evidenceId = snapshot.json().get("evidenceId").asLong();

        Map<String, Object> row = jdbc.queryForMap("select storage_key, sha256, sitting_id from evidence_item where id = ?", evidenceId);
        byte[] atRest = storage.read((String) row.get("storage_key"), (String) row.get("sha256"));
        assertThat(Arrays.equals(atRest, jpeg)).as("stored encrypted").isFalse();
        assertThat(new String(atRest, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("JFIF");
        long sittingId = ((Number) row.get("sitting_id")).longValue();

        ApiClient adjudicator = fixtures.staff("adjudicator");
        ApiClient.Response page = adjudicator.get("/staff/sittings/" + sittingId + "/evidence");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("多人出现在摄像头范围内").contains("需裁定").contains("画面中检测到 2 张人脸")
                .contains("/staff/evidence/" + evidenceId).contains("考前人脸照片").contains("手持身份证照片")
                .contains("人脸比对通过");
        ApiClient.Response image = adjudicator.get("/staff/evidence/" + evidenceId);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(jpeg);
        assertThat(fixtures.staff("manager").get("/staff/evidence/" + evidenceId).status()).isEqualTo(200);

        ApiClient proctorOfAnotherSession = fixtures.staff("proctor");
        assertThat(proctorOfAnotherSession.get("/staff/sittings/" + sittingId + "/evidence").status()).isEqualTo(404);
        assertThat(proctorOfAnotherSession.get("/staff/evidence/" + evidenceId).status()).isEqualTo(404);
        assertThat(api.get("/staff/evidence/" + evidenceId).status()).as("candidates never").isIn(403, 404);

        CaseFixtures.ReadyCase other = fixtures.caseReadyForExam("他人事件");
        other.candidate().client().post("/api/applications/" + other.number() + "/exam/start", "");
        assertThat(other.candidate().client().get("/api/applications/" + other.number() + "/exam/monitoring").json()
                .get("enabled").asBoolean()).as("a session without camera proctoring").isFalse();
        ApiClient.Response foreignEvent = other.candidate().client().post("/api/applications/" + other.number()
                + "/exam/snapshots", Map.of("image", IdentityFixtures.dataUrl(jpeg), "eventId", eventId));
        assertThat(foreignEvent.status()).isEqualTo(400);
        assertThat(foreignEvent.message()).contains("不属于本场考试");
    }

    @Test
    void theRetentionJob_deletesExactlyWhatIsDue_andRecordsIt() {
        CaseFixtures.ReadyCase shortKept = fixtures.caseReadyForExam("保存一天");
        IdentityFixtures.requireCheckIn(fixtures, shortKept.session().getCode(), 1, List.of("proctor"), List.of());
        CaseFixtures.ReadyCase longKept = fixtures.caseReadyForExam("保存三天");
        IdentityFixtures.requireCheckIn(fixtures, longKept.session().getCode(), 3, List.of("proctor"), List.of());
        for (CaseFixtures.ReadyCase ready : List.of(shortKept, longKept)) {
            ApiClient.Response checkIn = ready.candidate().client().post(
                    "/api/applications/" + ready.number() + "/exam/identity", IdentityFixtures.checkIn(0.1, 1));
            assertThat(checkIn.status()).as(checkIn.toString()).isEqualTo(200);
        }
        long shortSitting = sittingOf(shortKept.number());
        long longSitting = sittingOf(longKept.number());
        List<Map<String, Object>> shortFiles = jdbc.queryForList(
                "select storage_key, sha256 from evidence_item where sitting_id = ?", shortSitting);
        assertThat(shortFiles).hasSize(2);
        shortFiles.forEach(f -> assertThat(storage.read((String) f.get("storage_key"), (String) f.get("sha256"))).isNotEmpty());

        try {
            clock.advance(Duration.ofDays(2));
            retention.purge();
        } finally {
            clock.reset();
        }

        assertThat(count("evidence_item", shortSitting)).isZero();
        assertThat(count("evidence_item", longSitting)).as("kept three days").isEqualTo(2);
        assertThat(evidence.deletionsOf(shortSitting)).extracting(EvidenceDeletion::getKind)
                .containsExactlyInAnyOrder(EvidenceKind.LIVE_FACE, EvidenceKind.ID_CARD_HELD);
        assertThat(evidence.deletionsOf(longSitting)).isEmpty();
        shortFiles.forEach(f -> org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> storage.read((String) f.get("storage_key"), (String) f.get("sha256"))).as("the file is gone")
                .isInstanceOf(RuntimeException.class));
        ApiClient.Response page = fixtures.staff("proctor").get("/staff/sittings/" + shortSitting + "/evidence");
        assertThat(page.text()).contains("已按保存期限删除").contains("考前人脸照片，删除于");
    }

    private long sittingOf(String number) {
        return jdbc.queryForObject("select id from sitting where application_number = ?", Long.class, number);
    }

    private int count(String table, long sittingId) {
        return jdbc.queryForObject("select count(*) from " + table + " where sitting_id = ?", Integer.class, sittingId);
    }
}
