package cn.cabr.carbon.portal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.cabr.carbon.shared.UploadLimits;

/** The upload limit for the pages that upload materials, so the browser can refuse a file before sending it. */
@ControllerAdvice(assignableTypes = {ApplicationPages.class, CasePages.class})
class UploadPageModel {

    private final UploadLimits limits;

    UploadPageModel(UploadLimits limits) {
        this.limits = limits;
    }

    @ModelAttribute("maxUploadBytes")
    long maxUploadBytes() {
        return limits.maxFileSize().toBytes();
    }
}
