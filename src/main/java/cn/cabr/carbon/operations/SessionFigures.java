package cn.cabr.carbon.operations;

import java.util.Map;

/**
 * One exam session as the managers' dashboard shows it. {@code passRate} is passed / results computed (voided
 * results included), null while no result is computed.
 */
public record SessionFigures(long sessionId, String code, String name, Map<CaseStage, Long> cases,
        long resultsComputed, long passed, Double passRate, long voidedSittings, long sittingsInProgress,
        long overdueTasks, long openIncidents) {

    public long cases(CaseStage stage) {
        return cases.getOrDefault(stage, 0L);
    }
}
