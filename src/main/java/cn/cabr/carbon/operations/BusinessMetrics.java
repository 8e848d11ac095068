package cn.cabr.carbon.operations;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Business gauges for Prometheus, refreshed from {@link OperationsStatistics} every 30 seconds (a scrape never
 * queries the database): {@code certification_cases{session,stage}}, {@code certification_sittings_in_progress{session}},
 * {@code certification_incidents{process}}. The answer-save counter lives where answers are saved (exam module).
 */
@Component
public class BusinessMetrics {

    private final OperationsStatistics statistics;
    private final MultiGauge cases;
    private final MultiGauge sittingsInProgress;
    private final MultiGauge incidents;

    BusinessMetrics(OperationsStatistics statistics, MeterRegistry registry) {
        this.statistics = statistics;
        this.cases = MultiGauge.builder("certification.cases")
                .description("Certification cases of a non-archived exam session by stage (running cases at the step they wait at; ended cases)")
                .register(registry);
        this.sittingsInProgress = MultiGauge.builder("certification.sittings.in.progress")
                .description("Exam sittings whose candidate is answering now, by exam session")
                .register(registry);
        this.incidents = MultiGauge.builder("certification.incidents")
                .description("Open incidents (failed jobs after their retries) by process definition key")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        refresh();
    }

    @Scheduled(fixedDelayString = "${certification.operations.metrics-refresh:PT30S}", initialDelayString = "PT30S")
    void scheduledRefresh() {
        refresh();
    }

    /** Takes fresh figures and replaces the gauges' rows (sessions or stages that disappeared go away). */
    public void refresh() {
        OperationsStatistics.Snapshot snapshot = statistics.current();
        List<MultiGauge.Row<?>> caseRows = new ArrayList<>();
        List<MultiGauge.Row<?>> sittingRows = new ArrayList<>();
        for (SessionFigures session : snapshot.sessions()) {
            for (CaseStage stage : CaseStage.values()) {
                caseRows.add(MultiGauge.Row.of(Tags.of("session", session.code(), "stage", stage.metricName()),
                        session.cases(stage)));
            }
            sittingRows.add(MultiGauge.Row.of(Tags.of("session", session.code()), session.sittingsInProgress()));
        }
        List<MultiGauge.Row<?>> incidentRows = new ArrayList<>();
        snapshot.incidentsByProcess().forEach((process, count) ->
                incidentRows.add(MultiGauge.Row.of(Tags.of("process", process), count)));
        cases.register(caseRows, true);
        sittingsInProgress.register(sittingRows, true);
        incidents.register(incidentRows, true);
    }
}
