package cn.cabr.carbon.exam;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key of a sitting's rescue file: AES-256, derived from the server's secret and the sitting, never stored. The
 * exam page receives it with the page (only the candidate of that sitting, only while it is theirs to answer), so
 * the browser can encrypt a rescue file that only this server can read, and a file of one sitting cannot be
 * decrypted as another's.
 */
@Component
public class RescueKeys {

    static final int MIN_SECRET_LENGTH = 32;

    private final byte[] secret;

    RescueKeys(@Value("${certification.exam.rescue-secret}") String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("certification.exam.rescue-secret (RESCUE_SECRET) must have at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The sitting's key, base64, for the exam page. */
    public String keyFor(Sitting sitting) {
        return keyFor(sitting.getId(), sitting.getApplicationNumber());
    }

    public String keyFor(long sittingId, String applicationNumber) {
        return Base64.getEncoder().encodeToString(key(sittingId, applicationNumber));
    }

    /** HMAC-SHA256(secret, "cabr-exam-rescue|v1|sittingId|applicationNumber"): 32 bytes, an AES-256 key. */
    byte[] key(long sittingId, String applicationNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("cabr-exam-rescue|v1|" + sittingId + "|" + applicationNumber).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
