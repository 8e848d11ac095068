package cn.cabr.carbon.process;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.operations.CaseEngineFigures;
import cn.cabr.carbon.operations.CaseStage;

/**
 * Counts cases straight from the engine's tables with group-by queries: the engine's query API would need one
 * count per activity and session, and this runs every 30 seconds for the metrics. Read-only; the tables and
 * columns are Camunda 7's documented database schema (the ones Cockpit's own statistics read).
 * A running case counts once per stage it has an active execution in, as Cockpit's "activity" filter counts it.
 */
@Component
class EngineCaseFigures implements CaseEngineFigures {

    /** The case's sessionId variable, a process-level long. */
    private static final String SESSION_VARIABLE = "v.EXECUTION_ID_ = %s and v.NAME_ = '" + CaseVariables.SESSION_ID + "'";

    private final JdbcTemplate jdbc;

    EngineCaseFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EngineFigures count(Instant now) {
        Map<Long, Map<CaseStage, Long>> cases = new HashMap<>();
        // running cases: active executions by session and activity, distinct instances per activity is not enough
        // for a stage of several activities, so the stage is resolved in SQL with a CASE expression
        StringBuilder stageCase = new StringBuilder("case");
        CaseStages.ACTIVITIES.forEach((stage, ids) -> stageCase.append(" when e.ACT_ID_ in (")
                .append(String.join(",", ids.stream().map(id -> "'" + id + "'").toList()))
                .append(") then '").append(stage.name()).append("'"));
        stageCase.append(" else '").append(CaseStage.OTHER.name()).append("' end");
        jdbc.query("select v.LONG_, x.stage, count(distinct x.PROC_INST_ID_) from (select e.PROC_INST_ID_, " + stageCase
                + " as stage from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_"
                + " where d.KEY_ = ? and e.IS_ACTIVE_ = ? and e.ACT_ID_ is not null) x"
                + " join ACT_RU_VARIABLE v on " + SESSION_VARIABLE.formatted("x.PROC_INST_ID_")
                + " group by v.LONG_, x.stage", rs -> {
                    cases.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(CaseStage.class))
                            .put(CaseStage.valueOf(rs.getString(2)), rs.getLong(3));
                }, CaseVariables.PROCESS_KEY, true);
        jdbc.query("select v.LONG_, count(*) from ACT_HI_PROCINST p join ACT_HI_VARINST v"
                + " on v.PROC_INST_ID_ = p.ID_ and v.NAME_ = ? where p.PROC_DEF_KEY_ = ? and p.END_TIME_ is not null"
                + " group by v.LONG_", rs -> {
                    cases.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(CaseStage.class))
                            .put(CaseStage.ENDED, rs.getLong(2));
                }, CaseVariables.SESSION_ID, CaseVariables.PROCESS_KEY);

        Map<Long, Long> overdue = new HashMap<>();
        jdbc.query("select v.LONG_, count(*) from ACT_RU_TASK t join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_"
                + " join ACT_RU_VARIABLE v on " + SESSION_VARIABLE.formatted("t.PROC_INST_ID_")
                + " where d.KEY_ = ? and t.DUE_DATE_ < ? group by v.LONG_",
                rs -> {
                    overdue.put(rs.getLong(1), rs.getLong(2));
                }, CaseVariables.PROCESS_KEY, Timestamp.from(now));

        Map<Long, Long> incidents = new HashMap<>();
        jdbc.query("select v.LONG_, count(*) from ACT_RU_INCIDENT i join ACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_"
                + " join ACT_RU_VARIABLE v on " + SESSION_VARIABLE.formatted("i.PROC_INST_ID_")
                + " where d.KEY_ = ? group by v.LONG_",
                rs -> {
                    incidents.put(rs.getLong(1), rs.getLong(2));
                }, CaseVariables.PROCESS_KEY);

        Map<String, Long> byProcess = new TreeMap<>();
        jdbc.query("select distinct KEY_ from ACT_RE_PROCDEF", rs -> {
            byProcess.put(rs.getString(1), 0L);
        });
        jdbc.query("select d.KEY_, count(*) from ACT_RU_INCIDENT i join ACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_"
                + " group by d.KEY_", rs -> {
                    byProcess.put(rs.getString(1), rs.getLong(2));
                });
        return new EngineFigures(cases, overdue, incidents, byProcess);
    }
}
