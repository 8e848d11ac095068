package cn.cabr.carbon.exam;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A rescue file was imported into a sitting, inside the import's transaction. Listeners may refuse it (by throwing:
 * the whole import is rolled back), record the proctoring events it carried, and refresh what the case shows
 * graders ({@code changedShortAnswerIds}: short answers that changed after the sitting had ended).
 */
public final class SittingRescued {

    public record RescuedEvent(String type, String detail, Instant occurredAt) {
    }

    private final long sittingId;
    private final long applicationId;
    private final String applicationNumber;
    private final boolean sittingEnded;
    private final List<Long> changedShortAnswerIds;
    private final List<RescuedEvent> events;
    private final AtomicInteger eventsRecorded = new AtomicInteger();

    SittingRescued(long sittingId, long applicationId, String applicationNumber, boolean sittingEnded,
            List<Long> changedShortAnswerIds, List<RescuedEvent> events) {
        this.sittingId = sittingId;
        this.applicationId = applicationId;
        this.applicationNumber = applicationNumber;
        this.sittingEnded = sittingEnded;
        this.changedShortAnswerIds = List.copyOf(changedShortAnswerIds);
        this.events = List.copyOf(events);
    }

    public long sittingId() {
        return sittingId;
    }

    public long applicationId() {
        return applicationId;
    }

    public String applicationNumber() {
        return applicationNumber;
    }

    public boolean sittingEnded() {
        return sittingEnded;
    }

    public List<Long> changedShortAnswerIds() {
        return changedShortAnswerIds;
    }

    public List<RescuedEvent> events() {
        return events;
    }

    /** The proctoring component counts what it recorded, so the import's report can say so. */
    public void eventRecorded() {
        eventsRecorded.incrementAndGet();
    }

    int eventsRecorded() {
        return eventsRecorded.get();
    }
}
