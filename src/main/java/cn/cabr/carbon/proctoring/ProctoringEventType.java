package cn.cabr.carbon.proctoring;

/** What the proctoring component records. Flagged types make a sitting go to adjudication. */
public enum ProctoringEventType {
    PAGE_LEFT("离开答题页面（切换窗口、标签页或弹窗）", true),
    COPY_PASTE("复制粘贴操作", true),
    CAMERA_OFF("遮挡或关闭摄像头", true),
    FACE_MISSING("离开摄像头范围", true),
    MULTIPLE_FACES("多人出现在摄像头范围内", true),
    TALKING("与人交谈或拨打电话", true),
    PROHIBITED_ITEM("佩戴耳机、口罩、墨镜或帽子", true),
    UNRELATED_BEHAVIOUR("与考试无关的行为（进食、躺卧、离席等）", true),
    NETWORK_LOST("网络中断后重新连接", false),
    PAGE_RELOADED("刷新页面或重新进入考试", false);

    private final String label;
    private final boolean flagged;

    ProctoringEventType(String label, boolean flagged) {
        this.label = label;
        this.flagged = flagged;
    }

    public String label() {
        return label;
    }

    public boolean flagged() {
        return flagged;
    }
}
