package cn.cabr.carbon.session;

/** Published inside the creating transaction: the exam module builds the paper, the process module starts the session. */
public record SessionCreated(long sessionId, String code, boolean archived) {
}
