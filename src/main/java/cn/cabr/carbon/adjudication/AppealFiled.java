package cn.cabr.carbon.adjudication;

/** A candidate appealed an adjudication within the window: the case starts the appeal review. */
public record AppealFiled(long sittingId, long applicationId) {
}
