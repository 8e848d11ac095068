package cn.cabr.carbon.exam;

/**
 * A condition another module puts on starting a sitting (the identity check-in, in proctoring), without the exam
 * module depending on it. Called under the sitting's row lock, just before the paper is drawn and the clock starts.
 */
public interface StartGuard {

    /** Throws a {@link cn.cabr.carbon.shared.BusinessException} (409, with the reason in Chinese) to refuse the start. */
    void beforeStart(Sitting sitting);
}
