package cn.cabr.carbon.proctoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.Map;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;

/** What the check-in page sends, built from fixed descriptors and a small generated JPEG. */
final class IdentityFixtures {

    private IdentityFixtures() {
    }

    static List<Double> descriptor(double base, double first) {
        return CaseFixtures.faceDescriptor(base, first);
    }

    static byte[] jpeg(Color color) {
        return CaseFixtures.jpeg(color);
    }

    static String dataUrl(byte[] jpeg) {
        return CaseFixtures.dataUrl(jpeg);
    }

    /** A check-in whose live face is {@code liveFirst} away from both documents (on the first component). */
    static Map<String, Object> checkIn(double liveFirst, int faces) {
        return CaseFixtures.identityCheckIn(liveFirst, faces);
    }

    /** Turns the check-in on for the session and names its proctors and adjudicators (as the manager). */
    static void requireCheckIn(CaseFixtures fixtures, String sessionCode, int retentionDays, List<String> proctors,
            List<String> adjudicators) {
        ApiClient manager = fixtures.staff("manager");
        ApiClient.Response settings = manager.put("/api/manager/sessions/" + sessionCode + "/proctoring",
                ApiClient.toJson(Map.of("identityCheckRequired", true, "evidenceRetentionDays", retentionDays)));
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        ApiClient.Response staff = manager.put("/api/manager/sessions/" + sessionCode + "/staff",
                ApiClient.toJson(Map.of("proctors", proctors, "adjudicators", adjudicators)));
        assertThat(staff.status()).as(staff.toString()).isEqualTo(200);
    }
}
