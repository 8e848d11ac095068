package cn.cabr.carbon.proctoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;

/** What the check-in page sends, built from fixed descriptors and a small generated JPEG. */
final class IdentityFixtures {

    private IdentityFixtures() {
    }

    static List<Double> descriptor(double base, double first) {
        List<Double> values = new ArrayList<>(Collections.nCopies(128, base));
        values.set(0, first);
        return values;
    }

    static byte[] jpeg(Color color) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String dataUrl(byte[] jpeg) {
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
    }

    /** A check-in whose live face is {@code liveFirst} away from both documents (on the first component). */
    static Map<String, Object> checkIn(double liveFirst, int faces) {
        Map<String, Object> body = new HashMap<>();
        body.put("liveDescriptor", descriptor(0.05, liveFirst));
        body.put("photoDescriptor", descriptor(0.05, 0.0));
        body.put("idCardDescriptor", descriptor(0.05, 0.0));
        body.put("liveFaceCount", faces);
        body.put("liveImage", dataUrl(jpeg(Color.ORANGE)));
        body.put("idCardHeldImage", dataUrl(jpeg(Color.BLUE)));
        return body;
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
