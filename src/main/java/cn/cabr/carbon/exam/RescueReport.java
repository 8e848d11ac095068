package cn.cabr.carbon.exam;

import java.time.Instant;
import java.util.List;

/**
 * What importing a rescue file changed: the answers applied (what the server now holds) and those not applied,
 * each with the reason (older than the server's, the same, after the deadline, not a valid answer, no such item).
 */
public record RescueReport(String applicationNumber, String sittingStatus, String sittingStatusLabel, String importedBy,
        Instant importedAt, Instant fileCreatedAt, int answersInFile, List<Line> applied, List<Line> notApplied,
        int eventsInFile, int eventsRecorded, String summary) {

    public enum Outcome { APPLIED, STALE, DUPLICATE, LATE, INVALID, NO_SUCH_ITEM }

    public record Line(Integer position, String response, boolean flagged, Long clientSequence, Outcome outcome,
            String reason) {
    }
}
