package cn.cabr.carbon.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;

/**
 * The one source of the managers' figures, for the Cockpit dashboard plugin and the Prometheus metrics alike.
 * A handful of group-by queries for all sessions together, whatever the number of cases. The plugin asks for
 * fresh figures when a manager opens the dashboard; the Prometheus gauges hold a snapshot refreshed every 30 s
 * ({@link BusinessMetrics}), so scrapes never reach the database.
 */
@Service
public class OperationsStatistics {

    public record Snapshot(Instant takenAt, List<SessionFigures> sessions, Map<String, Long> incidentsByProcess) {
    }

    private final CaseEngineFigures engine;
    private final SittingFigures sittings;
    private final ExamSessions examSessions;
    private final Clock clock;

    OperationsStatistics(CaseEngineFigures engine, SittingFigures sittings, ExamSessions examSessions, Clock clock) {
        this.engine = engine;
        this.sittings = sittings;
        this.examSessions = examSessions;
        this.clock = clock;
    }

    /** Fresh figures of every session that is not archived, latest exam first. */
    public Snapshot current() {
        Instant now = clock.instant();
        CaseEngineFigures.EngineFigures figures = engine.count(now);
        Map<Long, Long> inProgress = sittings.inProgressBySession();
        Map<Long, SittingFigures.Results> results = sittings.resultsBySession();
        List<ExamSession> live = new java.util.ArrayList<>(examSessions.live());
        java.util.Collections.reverse(live);
        List<SessionFigures> rows = live.stream().map(session -> {
            long id = session.getId();
            Map<CaseStage, Long> cases = new EnumMap<>(CaseStage.class);
            for (CaseStage stage : CaseStage.values()) {
                cases.put(stage, 0L);
            }
            cases.putAll(figures.casesBySession().getOrDefault(id, Map.of()));
            SittingFigures.Results r = results.getOrDefault(id, new SittingFigures.Results(0, 0, 0));
            Double passRate = r.computed() == 0 ? null : (double) r.passed() / r.computed();
            return new SessionFigures(id, session.getCode(), session.getName(), cases, r.computed(), r.passed(),
                    passRate, r.voided(), inProgress.getOrDefault(id, 0L),
                    figures.overdueTasksBySession().getOrDefault(id, 0L),
                    figures.incidentsBySession().getOrDefault(id, 0L));
        }).toList();
        return new Snapshot(now, rows, figures.incidentsByProcess());
    }
}
