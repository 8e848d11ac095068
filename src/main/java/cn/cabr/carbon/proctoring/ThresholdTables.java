package cn.cabr.carbon.proctoring;

/** Where one session's proctoring limits are written: a new version of the ProctoringThresholds decision table. */
public interface ThresholdTables {

    /**
     * Replaces the session's own rules in the latest decision table and deploys the result as its new version,
     * within the caller's transaction. Other sessions' rules and the general rules stay as they are.
     */
    void replaceSessionRules(String sessionCode, SessionThresholds.Settings settings);

    /** Makes the next evaluation on this node read the latest deployed table instead of its cached copy. */
    void forgetCached();
}
