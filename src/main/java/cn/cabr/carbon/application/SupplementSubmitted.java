package cn.cabr.carbon.application;

/** The candidate resupplied the requested documents: the case goes back to review. */
public record SupplementSubmitted(long applicationId, String applicationNumber) {
}
