package cn.cabr.carbon.operations;

import java.time.Instant;
import java.util.Map;

/**
 * What the process engine knows about the cases, counted with a few group-by queries (implemented in
 * {@code process/}, so this package needs no engine types).
 */
public interface CaseEngineFigures {

    EngineFigures count(Instant now);

    /**
     * Per exam session id: cases by stage (running cases at the activity they wait at, ended cases as ENDED),
     * open user tasks past their due date, open incidents of the session's cases; and open incidents of every
     * process by process key.
     */
    record EngineFigures(Map<Long, Map<CaseStage, Long>> casesBySession, Map<Long, Long> overdueTasksBySession,
            Map<Long, Long> incidentsBySession, Map<String, Long> incidentsByProcess) {
    }
}
