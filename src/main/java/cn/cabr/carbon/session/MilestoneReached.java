package cn.cabr.carbon.session;

/** Published inside the reaching transaction, so modules act on a milestone atomically with it. */
public record MilestoneReached(long sessionId, Milestone milestone) {
}
