package cn.cabr.carbon.exam;

import java.time.Instant;

/**
 * What the exam pages show before the paper: the session's exam window and support contact, and where the
 * candidate stands (exam not open yet, open, in progress, ended), with a sentence saying so.
 */
public record ExamEntry(String applicationNumber, String sessionName, Instant examStartAt, Instant examEndAt,
        int durationMinutes, int totalPoints, String supportContact, boolean sequentialNavigation, State state,
        SittingStatus status, Long sittingId, String message) {

    public enum State { NOT_OPEN_YET, NOT_ADMITTED, OPEN, IN_PROGRESS, ENDED }

    public boolean canEnter() {
        return state == State.OPEN || state == State.IN_PROGRESS;
    }
}
