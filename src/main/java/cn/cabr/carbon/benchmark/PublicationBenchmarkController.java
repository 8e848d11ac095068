package cn.cabr.carbon.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.application.BulkApplications;
import cn.cabr.carbon.certificate.MinimalPdfBaseline;
import cn.cabr.carbon.demo.SampleDocuments;
import cn.cabr.carbon.process.PublicationBenchmarkProcesses;
import cn.cabr.carbon.process.PublicationBenchmarkProcesses.PreparedCase;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.session.SessionDefinition;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.storage.FileStorage;
import cn.cabr.carbon.storage.StoredFile;

/**
 * Prepares and drives the publication and certificate benchmark (profile {@code benchmark} only, manager role):
 * N cases whose results are computed and which wait for the session's SCORES_PUBLISHED, written in bulk (candidates
 * with an e-mail address, approved applications, submitted sittings, results with a realistic pass/fail mix, a
 * photo each) and started at the catch event; N baseline instances waiting for the same message; and the two
 * baselines' triggers. The measured phases themselves use the real endpoints (a manager fires the milestone).
 */
@RestController
@Profile("benchmark")
class PublicationBenchmarkController {

    static final int MAX_CASES = 20000;
    private static final int CHUNK = 500;

    record Prepared(String sessionCode, long sessionId, long plainSessionId, int cases, int passed, int failed,
            int voided, long preparationMillis) {
    }

    record PlainCorrelation(int correlated, long millis) {
    }

    record PdfBaseline(int documents, int threads, long millis, long maxBytes, double meanBytes) {
    }

    record FontReuse(int documents, double parsedMillisPerDocument, double reusedMillisPerDocument) {
    }

    record JobThreads(int corePoolSize, int maxPoolSize, int largestPoolSize) {
    }

    private final ExamSessions sessions;
    private final BulkApplications bulk;
    private final FileStorage storage;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PublicationBenchmarkProcesses processes;
    private final MinimalPdfBaseline minimalPdf;
    private final TaskExecutor jobThreads;

    PublicationBenchmarkController(ExamSessions sessions, BulkApplications bulk, FileStorage storage, JdbcTemplate jdbc,
            TransactionTemplate transaction, PublicationBenchmarkProcesses processes, MinimalPdfBaseline minimalPdf,
            @Qualifier("camundaTaskExecutor") TaskExecutor jobThreads) {
        this.sessions = sessions;
        this.bulk = bulk;
        this.storage = storage;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.processes = processes;
        this.minimalPdf = minimalPdf;
        this.jobThreads = jobThreads;
    }

    @PostMapping("/api/manager/benchmark/publication/setup")
    Prepared setup(@RequestParam(defaultValue = "10000") int cases, @RequestParam(defaultValue = "4") int threads) {
        if (cases < 1 || cases > MAX_CASES) {
            throw BusinessException.invalid("BENCHMARK_SIZE", "cases 应为 1–" + MAX_CASES);
        }
        long started = System.nanoTime();
        Instant now = Instant.now();
        String code = "PUB-" + (System.currentTimeMillis() / 1000);
        ExamSession session = sessions.create(SessionDefinition.standard(code, "成绩公布压测考期 " + code,
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(20))));
        long sessionId = session.getId();
        // the milestones before publication are recorded (no sittings exist yet, so nothing reacts to them), and the
        // session's process is moved to where it waits for the publication
        transaction.executeWithoutResult(status -> {
            for (Milestone m : List.of(Milestone.APPLICATIONS_CLOSED, Milestone.MATERIALS_CLOSED, Milestone.HOURS_COUNTED,
                    Milestone.EXAM_OPENED, Milestone.EXAM_CLOSED)) {
                sessions.reach(sessionId, m, "benchmark");
            }
            processes.awaitScoresPublished(code);
        });
        String hash = new BCryptPasswordEncoder(4).encode("Bench-Pass-2026");
        StoredFile photo = storage.store(SampleDocuments.png("PHOTO"));
        int passMark = session.getPassMark();
        int totalPoints = session.getTotalPoints();
        Instant examStart = session.getExamStartAt();
        List<PreparedCase> prepared = new ArrayList<>();
        int firstIndex = (int) (System.currentTimeMillis() / 1000 % 100_000) * 100;
        for (int from = 0; from < cases; from += CHUNK) {
            int start = firstIndex + from;
            int count = Math.min(CHUNK, cases - from);
            prepared.addAll(transaction.execute(status -> {
                List<BulkApplications.Created> created = bulk.create(sessionId, start, count, hash);
                return writeRows(sessionId, created, start, photo, passMark, totalPoints, examStart);
            }));
        }
        processes.startCasesAwaitingPublication(sessionId, prepared, threads);
        processes.startPlainCases(-sessionId, cases, threads);
        int passed = (int) prepared.stream().filter(c -> c.outcome().equals("PASSED")).count();
        int voided = (int) prepared.stream().filter(c -> c.outcome().equals("VOIDED")).count();
        return new Prepared(code, sessionId, -sessionId, cases, passed, cases - passed - voided, voided,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** E-mail addresses, sittings, results and photos of one chunk of new applications, in JDBC batches. */
    private List<PreparedCase> writeRows(long sessionId, List<BulkApplications.Created> created, int firstIndex,
            StoredFile photo, int passMark, int totalPoints, Instant examStart) {
        Timestamp opened = Timestamp.from(examStart);
        Timestamp ended = Timestamp.from(examStart.plus(Duration.ofMinutes(95)));
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> emails = new ArrayList<>();
        List<Object[]> sittings = new ArrayList<>();
        List<Object[]> documents = new ArrayList<>();
        List<Long> candidateIds = new ArrayList<>();
        for (BulkApplications.Created c : created) {
            long candidateId = jdbc.queryForObject("SELECT candidate_id FROM application WHERE id = ?", Long.class,
                    c.applicationId());
            candidateIds.add(candidateId);
            emails.add(new Object[] {"bench-" + candidateId + "@example.cn", candidateId});
            sittings.add(new Object[] {c.applicationId(), candidateId, sessionId, opened, opened,
                    Timestamp.from(examStart.plus(Duration.ofMinutes(120))), ended, c.applicationNumber()});
            documents.add(new Object[] {c.applicationId(), photo.size(), photo.sha256(), photo.key(), now});
        }
        jdbc.batchUpdate("UPDATE candidate SET email = ? WHERE id = ?", emails);
        jdbc.batchUpdate("INSERT INTO sitting (application_id, candidate_id, session_id, status, opened_at, started_at, "
                + "deadline, ended_at, version, application_number, extra_seconds, attempt) "
                + "VALUES (?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, 0, ?, 0, 1)", sittings);
        jdbc.batchUpdate("INSERT INTO application_document (application_id, document_type, original_filename, content_type, "
                + "size_bytes, sha256, storage_key, uploaded_at, superseded) VALUES (?, 'PHOTO', 'photo.png', 'image/png', "
                + "?, ?, ?, ?, FALSE)", documents);
        Map<Long, Long> sittingIds = new java.util.HashMap<>();
        jdbc.query("SELECT id, application_id FROM sitting WHERE session_id = ? AND application_id BETWEEN ? AND ?",
                rs -> {
                    sittingIds.put(rs.getLong(2), rs.getLong(1));
                }, sessionId, created.get(0).applicationId(), created.get(created.size() - 1).applicationId());
        List<Object[]> results = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(firstIndex);
        List<PreparedCase> prepared = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            BulkApplications.Created c = created.get(i);
            // about 70 % pass, 28 % fail, 2 % voided for a confirmed violation; the same mix on every run
            boolean voided = (firstIndex + i) % 50 == 7;
            int total = Math.min(totalPoints, Math.max(0, passMark - 15 + random.nextInt(50)));
            int objective = Math.min(total, (int) Math.round(total * 0.8));
            String outcome = voided ? "VOIDED" : total >= passMark ? "PASSED" : "FAILED";
            long sittingId = sittingIds.get(c.applicationId());
            results.add(new Object[] {c.applicationId(), sittingId, objective, total - objective, total, totalPoints,
                    passMark, outcome, now});
            prepared.add(new PreparedCase(c.applicationId(), c.applicationNumber(), candidateIds.get(i), sittingId, outcome));
        }
        jdbc.batchUpdate("INSERT INTO exam_result (application_id, sitting_id, objective_score, short_answer_score, "
                + "total_score, total_points, pass_mark, outcome, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", results);
        return prepared;
    }

    /** Baseline (a'): the same correlation as a session's publication, to the plain instances. */
    @PostMapping("/api/manager/benchmark/publication/plain-correlation")
    PlainCorrelation plainCorrelation(@RequestParam long plainSessionId) {
        long started = System.nanoTime();
        int correlated = processes.correlatePlainCases(plainSessionId);
        return new PlainCorrelation(correlated, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Baseline (b'): {@code documents} minimal PDFs rendered on the job executor's own pool (the threads that render
     * the certificates), at most as many at a time as its core threads and queue hold, as the job acquisition does.
     */
    @PostMapping("/api/manager/benchmark/publication/minimal-pdfs")
    PdfBaseline minimalPdfs(@RequestParam int documents) throws InterruptedException {
        if (documents < 1 || documents > MAX_CASES) {
            throw BusinessException.invalid("BENCHMARK_SIZE", "documents 应为 1–" + MAX_CASES);
        }
        ThreadPoolTaskExecutor pool = (ThreadPoolTaskExecutor) jobThreads;
        int inFlight = pool.getCorePoolSize() + pool.getQueueCapacity();
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong max = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long started = System.nanoTime();
        for (int i = 0; i < documents; i++) {
            permits.acquire();
            Runnable render = () -> {
                try {
                    int size = minimalPdf.render().length;
                    max.accumulateAndGet(size, Math::max);
                    sum.addAndGet(size);
                } catch (RuntimeException e) {
                    failure.set(e);
                } finally {
                    permits.release();
                }
            };
            // the pool is shared with the job acquisition: when it is full, wait a moment as the acquisition does
            while (!submitted(pool, render)) {
                Thread.sleep(1);
            }
        }
        permits.acquire(inFlight);
        long millis = (System.nanoTime() - started) / 1_000_000;
        permits.release(inFlight);
        if (failure.get() != null) {
            throw failure.get();
        }
        return new PdfBaseline(documents, pool.getThreadPoolExecutor().getLargestPoolSize(), millis, max.get(),
                sum.get() / (double) documents);
    }

    private static boolean submitted(ThreadPoolTaskExecutor pool, Runnable task) {
        try {
            pool.execute(task);
            return true;
        } catch (TaskRejectedException e) {
            return false;
        }
    }

    /**
     * The certificate renderer's font reuse, before and after, in the same run: {@code documents} certificates
     * rendered with fonts parsed per document and as many with reused fonts, interleaved on the job executor's pool.
     */
    @PostMapping("/api/manager/benchmark/publication/font-reuse")
    FontReuse fontReuse(@RequestParam int documents) throws InterruptedException {
        if (documents < 1 || documents > MAX_CASES) {
            throw BusinessException.invalid("BENCHMARK_SIZE", "documents 应为 1–" + MAX_CASES);
        }
        ThreadPoolTaskExecutor pool = (ThreadPoolTaskExecutor) jobThreads;
        int inFlight = pool.getCorePoolSize() + pool.getQueueCapacity();
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong parsed = new AtomicLong();
        AtomicLong reused = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (int i = 0; i < documents; i++) {
            permits.acquire();
            int index = i;
            Runnable render = () -> {
                try {
                    long[] nanos = minimalPdf.certificateRenderingNanos(index);
                    parsed.addAndGet(nanos[0]);
                    reused.addAndGet(nanos[1]);
                } catch (RuntimeException e) {
                    failure.set(e);
                } finally {
                    permits.release();
                }
            };
            while (!submitted(pool, render)) {
                Thread.sleep(1);
            }
        }
        permits.acquire(inFlight);
        permits.release(inFlight);
        if (failure.get() != null) {
            throw failure.get();
        }
        return new FontReuse(documents, parsed.get() / 1e6 / documents, reused.get() / 1e6 / documents);
    }

    /** The job executor's pool: configured sizes and the most threads it has run at once so far. */
    @GetMapping("/api/manager/benchmark/publication/job-threads")
    JobThreads jobThreads() {
        ThreadPoolTaskExecutor pool = (ThreadPoolTaskExecutor) jobThreads;
        ThreadPoolExecutor executor = pool.getThreadPoolExecutor();
        return new JobThreads(pool.getCorePoolSize(), pool.getMaxPoolSize(), executor.getLargestPoolSize());
    }
}
