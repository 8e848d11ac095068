package cn.cabr.carbon.exam;

/** A sitting reached an end state; published inside that transaction so the case hears of it atomically. */
public record SittingEnded(long sittingId, long applicationId, SittingStatus status) {
}
