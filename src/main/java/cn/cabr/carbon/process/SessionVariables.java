package cn.cabr.carbon.process;

import cn.cabr.carbon.session.Milestone;

/** Names of the ExamSession process and its messages. */
public final class SessionVariables {

    public static final String PROCESS_KEY = "ExamSession";
    public static final String SESSION_ID = "sessionId";
    /** Set by a manager's "fire now" correlation; absent when the timer fired. */
    public static final String FIRED_BY = "firedBy";
    /** Input parameter of each milestone task: which milestone it reaches. */
    public static final String MILESTONE = "milestone";
    /** Set by the publication check: some sittings still wait for grading or adjudication. */
    public static final String PUBLICATION_BLOCKED = "publicationBlocked";
    /** The manager's answer to a blocked publication: PUBLISH_READY or RECHECK (form field). */
    public static final String PUBLICATION_DECISION = "publicationDecision";
    /** Why the ready results are published before the others (form field, required with PUBLISH_READY). */
    public static final String PUBLICATION_REASON = "publicationReason";

    private SessionVariables() {
    }

    /** The message a manager's "fire now" sends to the session, e.g. FireHoursCounted. */
    public static String fireMessage(Milestone milestone) {
        return "Fire" + camelCase(milestone);
    }

    /** The message every open case of the session receives, e.g. HoursCounted. */
    public static String caseMessage(Milestone milestone) {
        return camelCase(milestone);
    }

    static String camelCase(Milestone milestone) {
        StringBuilder name = new StringBuilder();
        for (String part : milestone.name().split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase());
        }
        return name.toString();
    }
}
