package cn.cabr.carbon.session;

/** Whether a staff id belongs to a work group; implemented by the security wiring over Camunda's identity service. */
public interface StaffGroups {

    boolean isMember(String staffId, String group);
}
