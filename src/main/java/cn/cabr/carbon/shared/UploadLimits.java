package cn.cabr.carbon.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The one upload size limit, shared by the storage check and the error message of the multipart limit. */
@ConfigurationProperties("certification.storage")
public record UploadLimits(String directory, DataSize maxFileSize) {

    public String describeMaxSize() {
        return maxFileSize.toMegabytes() + " MB";
    }
}
