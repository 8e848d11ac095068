package cn.cabr.carbon.session;

import java.util.Set;

/** A manager moved dates of milestones not reached yet; the engine's waiting timers follow (in the same transaction). */
public record SessionRescheduled(long sessionId, String code, Set<Milestone> moved) {
}
