package cn.cabr.carbon.exam;

/** The five modules of the training syllabus (培训课程大纲), numbered as in the notice. */
public final class SyllabusModule {

    private static final String[] LABELS = {"双碳目标和政策解读", "企业碳排放核算", "企业碳核查与能源管理", "碳足迹量化与报告",
        "碳交易与碳资产管理"};

    private SyllabusModule() {
    }

    public static boolean exists(int module) {
        return module >= 1 && module <= LABELS.length;
    }

    public static String label(int module) {
        return exists(module) ? LABELS[module - 1] : "模块" + module;
    }
}
