package cn.cabr.carbon.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.application.BulkApplications;
import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.session.SessionDefinition;
import cn.cabr.carbon.shared.BusinessException;

/**
 * Prepares the load benchmark (profile {@code benchmark} only, manager role): a session whose exam is open and
 * N candidates with open sittings. Their password hash is computed once at a low BCrypt cost, so that signing in
 * thousands of test candidates measures the exam, not the password hashing.
 */
@RestController
@Profile("benchmark")
class BenchmarkSetupController {

    record Prepared(String sessionCode, String password, List<BulkApplications.Created> candidates) {
    }

    private final ExamSessions sessions;
    private final BulkApplications bulk;
    private final ExamDelivery delivery;
    private final TransactionTemplate transaction;

    BenchmarkSetupController(ExamSessions sessions, BulkApplications bulk, ExamDelivery delivery,
            TransactionTemplate transaction) {
        this.sessions = sessions;
        this.bulk = bulk;
        this.delivery = delivery;
        this.transaction = transaction;
    }

    @PostMapping("/api/manager/benchmark/setup")
    Prepared setup(@RequestParam(defaultValue = "2000") int candidates, @RequestParam(defaultValue = "1") int firstIndex) {
        if (candidates < 1 || candidates > 20000) {
            throw BusinessException.invalid("BENCHMARK_SIZE", "candidates 应为 1–20000");
        }
        Instant now = Instant.now();
        String code = "BENCH-" + (System.currentTimeMillis() / 1000);
        ExamSession session = sessions.create(SessionDefinition.standard(code, "压测考期 " + code, now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(20))));
        String password = "Bench-Pass-2026";
        String hash = new BCryptPasswordEncoder(4).encode(password);
        List<BulkApplications.Created> created = new ArrayList<>();
        for (int from = firstIndex; from < firstIndex + candidates; from += 500) {
            int start = from;
            int count = Math.min(500, firstIndex + candidates - from);
            created.addAll(transaction.execute(status -> {
                List<BulkApplications.Created> chunk = bulk.create(session.getId(), start, count, hash);
                chunk.forEach(c -> delivery.open(c.applicationId()));
                return chunk;
            }));
        }
        transaction.executeWithoutResult(status -> {
            for (Milestone m : List.of(Milestone.APPLICATIONS_CLOSED, Milestone.MATERIALS_CLOSED, Milestone.HOURS_COUNTED,
                    Milestone.EXAM_OPENED)) {
                sessions.reach(session.getId(), m, "benchmark");
            }
        });
        return new Prepared(code, password, created);
    }
}
