package cn.cabr.carbon.portal;

import java.util.Arrays;
import java.util.Optional;

/** The steps of the application form, in order; each saves the draft before the next one opens. */
enum ApplicationStep {
    EDUCATION("education", "学历信息"),
    WORK("work", "工作经历"),
    CLAUSE("clause", "报考条件"),
    MATERIALS("materials", "上传材料"),
    CONFIRM("confirm", "确认提交");

    private final String path;
    private final String label;

    ApplicationStep(String path, String label) {
        this.path = path;
        this.label = label;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public int number() {
        return ordinal() + 1;
    }

    Optional<ApplicationStep> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    Optional<ApplicationStep> previous() {
        return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
    }

    static Optional<ApplicationStep> ofPath(String path) {
        return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }
}
