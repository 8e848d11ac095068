package cn.cabr.carbon.application;

import java.util.Map;

import cn.cabr.carbon.storage.UploadInspector;

/** The materials the notice asks for (报名资料). */
public enum DocumentType {
    PHOTO("二寸免冠蓝底彩色照片", true, false),
    REGISTRATION_FORM("碳排放管理专业技术人员报名审核表（签字版）", true, false),
    ID_CARD_FRONT("身份证正面照片", true, false),
    ID_CARD_BACK("身份证反面照片", true, false),
    DIPLOMA("学历证书复印件", true, false),
    DEGREE_CERTIFICATE("学位证书复印件", false, false),
    EMPLOYMENT_PROOF("工作证明", false, false),
    OTHER_PROOF("其他满足报名条件的证明材料", false, true);

    private static final Map<String, String> IMAGES = Map.of("image/jpeg", "JPG 图片", "image/png", "PNG 图片");

    private final String label;
    private final boolean alwaysRequired;
    private final boolean multiple;

    DocumentType(String label, boolean alwaysRequired, boolean multiple) {
        this.label = label;
        this.alwaysRequired = alwaysRequired;
        this.multiple = multiple;
    }

    public String label() {
        return label;
    }

    public boolean alwaysRequired() {
        return alwaysRequired;
    }

    /** Whether several files of this type may stand side by side; otherwise a new upload replaces the old one. */
    public boolean multiple() {
        return multiple;
    }

    /** The photo must be an image; the other materials may also be scanned into a PDF. */
    public Map<String, String> acceptedContentTypes() {
        return this == PHOTO ? IMAGES : UploadInspector.DOCUMENT_TYPES;
    }
}
