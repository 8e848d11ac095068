package cn.cabr.carbon.shared;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A request over the multipart limit fails before any controller is chosen, so advice restricted to REST
 * controllers never sees it: this unrestricted advice answers it in the API's format.
 */
@RestControllerAdvice
@Order(0)
class UploadLimitHandler {

    private final UploadLimits uploadLimits;

    UploadLimitHandler(UploadLimits uploadLimits) {
        this.uploadLimits = uploadLimits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiError.of("FILE_TOO_LARGE",
                "文件过大：单个文件不得超过 " + uploadLimits.describeMaxSize()));
    }
}
