package cn.cabr.carbon.exam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cabr.carbon.shared.BusinessException;

/**
 * The rescue file the exam page lets a candidate download when the network is down: a small JSON envelope in clear
 * (format, version, application number, creation time) around the answers, encrypted with AES-GCM (WebCrypto in the
 * browser). The envelope is the cipher's additional authenticated data, so changing it breaks decryption too.
 */
final class RescueFile {

    static final String FORMAT = "cabr-exam-rescue";
    static final int VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** What is readable without the key. */
    record Envelope(String format, Integer version, String applicationNumber, String createdAt, String iv, String data) {

        String additionalData() {
            return format + "|" + version + "|" + applicationNumber + "|" + createdAt;
        }
    }

    /** What the page encrypted. Times come from the candidate's computer. */
    record Content(String applicationNumber, Long sittingId, Instant createdAt, List<Answer> answers, List<Event> events) {

        List<Answer> answersOrEmpty() {
            return answers == null ? List.of() : answers;
        }

        List<Event> eventsOrEmpty() {
            return events == null ? List.of() : events;
        }
    }

    record Answer(Integer position, String response, Boolean flagged, Long clientSequence, Instant changedAt) {
    }

    record Event(String type, String detail, Instant occurredAt) {
    }

    private RescueFile() {
    }

    static Envelope envelope(byte[] file, ObjectMapper json) {
        Envelope envelope;
        try {
            envelope = json.readValue(file, Envelope.class);
        } catch (IOException | RuntimeException e) {
            throw notARescueFile("文件内容不是考试救援文件的格式");
        }
        if (envelope == null || !FORMAT.equals(envelope.format())) {
            throw notARescueFile("文件中没有考试救援文件的标识");
        }
        if (!Integer.valueOf(VERSION).equals(envelope.version())) {
            throw notARescueFile("不支持的救援文件版本 " + envelope.version());
        }
        if (isBlank(envelope.applicationNumber()) || isBlank(envelope.createdAt()) || isBlank(envelope.iv())
                || isBlank(envelope.data())) {
            throw notARescueFile("文件缺少报名编号、生成时间或加密内容");
        }
        return envelope;
    }

    /** Decrypts and reads the content; any change to the envelope or the ciphertext is refused. */
    static Content open(Envelope envelope, byte[] key, ObjectMapper json) {
        byte[] plain;
        try {
            byte[] iv = Base64.getDecoder().decode(envelope.iv());
            byte[] data = Base64.getDecoder().decode(envelope.data());
            if (iv.length != IV_BYTES) {
                throw tampered();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(envelope.additionalData().getBytes(StandardCharsets.UTF_8));
            plain = cipher.doFinal(data);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw tampered();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
        try {
            return json.readValue(plain, Content.class);
        } catch (IOException e) {
            throw notARescueFile("解密后的内容无法读取");
        }
    }

    private static BusinessException tampered() {
        return BusinessException.invalid("RESCUE_FILE_TAMPERED",
                "救援文件无法解密：文件内容已被修改或损坏，或并非该考生的答题页面生成，未导入任何答案");
    }

    private static BusinessException notARescueFile(String why) {
        return BusinessException.invalid("RESCUE_FILE_INVALID", "不是有效的考试救援文件（" + why + "），未导入任何答案");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
