package cn.cabr.carbon.application;

/** The candidate submitted the application: a case begins. Published inside the submitting transaction. */
public record ApplicationSubmitted(long applicationId, String applicationNumber, long candidateId, long sessionId) {
}
