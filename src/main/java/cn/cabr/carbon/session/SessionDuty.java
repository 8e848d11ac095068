package cn.cabr.carbon.session;

/** What a staff member does for one exam session; the Camunda group the member must belong to. */
public enum SessionDuty {
    PROCTOR("监考员", "proctor"),
    ADJUDICATOR("违纪裁定员", "adjudicator");

    private final String label;
    private final String group;

    SessionDuty(String label, String group) {
        this.label = label;
        this.group = group;
    }

    public String label() {
        return label;
    }

    public String group() {
        return group;
    }
}
