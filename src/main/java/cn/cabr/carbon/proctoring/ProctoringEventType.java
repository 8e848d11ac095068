package cn.cabr.carbon.proctoring;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the proctoring component records. Flagged types make a sitting go to adjudication. Two types are a page
 * leave in the notice's sense (切换窗口、标签页或弹窗) and count toward the limit that ends the sitting: the page
 * becoming hidden (another tab, a minimised window) and the answer window losing focus while still visible
 * (another window or a pop-up in front of it, or on a second screen), which is the only trace such a leave leaves.
 */
public enum ProctoringEventType {
    PAGE_LEFT("离开答题页面（切换标签页、最小化或切换窗口）", true),
    WINDOW_BLUR("答题窗口失去焦点（切换到其他窗口或弹窗）", true),
    COPY("复制或剪切", true),
    PASTE("粘贴", true),
    CONTEXT_MENU("使用右键菜单", false),
    /** Kept for API clients that report copy and paste together; the exam page reports COPY and PASTE. */
    COPY_PASTE("复制粘贴操作", true),
    CAMERA_OFF("遮挡或关闭摄像头", true),
    FACE_MISSING("离开摄像头范围", true),
    MULTIPLE_FACES("多人出现在摄像头范围内", true),
    /** The answer page's periodic face check found a face unlike the one of the identity check-in. */
    FACE_MISMATCH("人脸与考前身份核验不一致", true),
    TALKING("与人交谈或拨打电话", true),
    PROHIBITED_ITEM("佩戴耳机、口罩、墨镜或帽子", true),
    UNRELATED_BEHAVIOUR("与考试无关的行为（进食、躺卧、离席等）", true),
    NETWORK_LOST("网络中断后重新连接", false),
    /** The server heard no heartbeat from the answer page for longer than the thresholds table allows (one per gap). */
    NETWORK_GAP("网络中断（服务器未收到答题页面心跳）", true),
    /** Heartbeats resumed after a recorded gap; the detail says how long it lasted. */
    NETWORK_RESTORED("网络恢复（服务器重新收到心跳）", false),
    PAGE_RELOADED("刷新页面或重新进入考试", false);

    /** The types that count as leaving the answer page. */
    public static final Set<ProctoringEventType> PAGE_LEAVES = EnumSet.of(PAGE_LEFT, WINDOW_BLUR);

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

    public boolean isPageLeave() {
        return PAGE_LEAVES.contains(this);
    }
}
