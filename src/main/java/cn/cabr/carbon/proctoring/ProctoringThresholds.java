package cn.cabr.carbon.proctoring;

/**
 * The proctoring limits as session data: how a measured value (page leaves so far, seconds without a face,
 * seconds without a heartbeat from the answer page) is
 * handled. The rules are the decision table {@code processes/ProctoringThresholds.dmn}, which managers can read and
 * extend per session; the engine evaluates it (see {@code process/DmnProctoringThresholds}).
 */
public interface ProctoringThresholds {

    enum Measure { PAGE_LEAVES, SECONDS_WITHOUT_FACE, SECONDS_WITHOUT_HEARTBEAT }

    enum Action { NONE, WARN, FLAG, TERMINATE }

    Action evaluate(String sessionCode, Measure measure, long value);

    /** The smallest value (1 to max) that leads to the action, or max + 1 when none does: for messages to people. */
    default int lowestValueFor(String sessionCode, Measure measure, Action action, int max) {
        for (int value = 1; value <= max; value++) {
            if (evaluate(sessionCode, measure, value) == action) {
                return value;
            }
        }
        return max + 1;
    }
}
