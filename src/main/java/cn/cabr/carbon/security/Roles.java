package cn.cabr.carbon.security;

/** Spring authorities. Staff authorities come from Camunda groups: group {@code reviewer} gives ROLE_REVIEWER. */
public final class Roles {

    public static final String CANDIDATE = "ROLE_CANDIDATE";
    public static final String STAFF = "ROLE_STAFF";

    /** Camunda groups of the staff, used as candidate groups of the user tasks. */
    public static final String GROUP_REVIEWER = "reviewer";
    public static final String GROUP_GRADER = "grader";
    public static final String GROUP_ADJUDICATOR = "adjudicator";
    public static final String GROUP_PROCTOR = "proctor";
    public static final String GROUP_MANAGER = "manager";
    public static final String GROUP_CAMUNDA_ADMIN = "camunda-admin";

    private Roles() {
    }
}
