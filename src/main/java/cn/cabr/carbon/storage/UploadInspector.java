package cn.cabr.carbon.storage;

import java.util.Map;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.UploadLimits;

/**
 * Checks an upload before it is stored: not empty, not over the size limit, and of an accepted type as
 * detected from its bytes. The file name and the browser's declared type are never trusted.
 */
@Component
public class UploadInspector {

    /** Accepted types for application documents, with the name shown to people. */
    public static final Map<String, String> DOCUMENT_TYPES = Map.of(
            "image/jpeg", "JPG 图片",
            "image/png", "PNG 图片",
            "application/pdf", "PDF 文件");

    private final Tika tika = new Tika();
    private final UploadLimits limits;

    UploadInspector(UploadLimits limits) {
        this.limits = limits;
    }

    /** Returns the detected content type, or refuses the upload with the reason. */
    public String inspect(byte[] content, Map<String, String> accepted) {
        if (content.length == 0) {
            throw BusinessException.invalid("FILE_EMPTY", "文件为空，请重新选择文件");
        }
        if (content.length > limits.maxFileSize().toBytes()) {
            throw new BusinessException(BusinessException.Kind.TOO_LARGE, "FILE_TOO_LARGE",
                    "文件过大：单个文件不得超过 " + limits.describeMaxSize());
        }
        String detected = tika.detect(content);
        if (!accepted.containsKey(detected)) {
            throw new BusinessException(BusinessException.Kind.UNSUPPORTED_MEDIA, "FILE_TYPE_NOT_ACCEPTED",
                    "文件类型不符：根据文件内容识别为 " + detected + "，只接受 " + String.join("、", accepted.values().stream().sorted().toList())
                            + "（修改文件扩展名无效）");
        }
        return detected;
    }
}
