package cn.cabr.carbon.shared;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Serves stored files: with the content type detected at upload (never sniffed again by the browser), the
 * original name encoded safely, and no caching of personal documents.
 */
public final class FileResponses {

    private FileResponses() {
    }

    public static ResponseEntity<byte[]> inline(String filename, String contentType, byte[] bytes) {
        return build(ContentDisposition.inline(), filename, contentType, bytes);
    }

    public static ResponseEntity<byte[]> attachment(String filename, String contentType, byte[] bytes) {
        return build(ContentDisposition.attachment(), filename, contentType, bytes);
    }

    private static ResponseEntity<byte[]> build(ContentDisposition.Builder disposition, String filename,
            String contentType, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }
}
