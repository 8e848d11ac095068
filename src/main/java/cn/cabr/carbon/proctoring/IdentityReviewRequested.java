package cn.cabr.carbon.proctoring;

/** The live face did not match closely enough: a proctor of the session decides (published inside the transaction). */
public record IdentityReviewRequested(long identityCheckId, long sessionId, String applicationNumber) {
}
