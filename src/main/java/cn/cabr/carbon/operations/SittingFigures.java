package cn.cabr.carbon.operations;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Exam figures per session from the exam tables, one group-by query each (indexes: sitting(session_id, status)). */
@Component
class SittingFigures {

    record Results(long computed, long passed, long voided) {
    }

    private final JdbcTemplate jdbc;

    SittingFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Sittings whose candidate is answering now. */
    Map<Long, Long> inProgressBySession() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query("select session_id, count(*) from sitting where status = 'IN_PROGRESS' group by session_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * Computed results by outcome. A voided sitting is one whose result is VOIDED: the adjudication confirmed a
     * violation (确认违纪，成绩无效).
     */
    Map<Long, Results> resultsBySession() {
        Map<Long, long[]> raw = new HashMap<>();
        jdbc.query("select s.session_id, r.outcome, count(*) from exam_result r join sitting s on s.id = r.sitting_id"
                + " group by s.session_id, r.outcome", rs -> {
                    long[] c = raw.computeIfAbsent(rs.getLong(1), k -> new long[3]);
                    long n = rs.getLong(3);
                    c[0] += n;
                    switch (rs.getString(2)) {
                        case "PASSED" -> c[1] += n;
                        case "VOIDED" -> c[2] += n;
                        default -> { }
                    }
                });
        Map<Long, Results> results = new HashMap<>();
        raw.forEach((session, c) -> results.put(session, new Results(c[0], c[1], c[2])));
        return results;
    }
}
