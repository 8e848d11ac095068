package cn.cabr.carbon.proctoring;

/** What an evidence image shows. */
public enum EvidenceKind {
    LIVE_FACE("考前人脸照片"),
    ID_CARD_HELD("手持身份证照片"),
    SNAPSHOT("考中抓拍");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
