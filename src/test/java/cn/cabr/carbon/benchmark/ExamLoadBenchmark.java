package cn.cabr.carbon.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The exam load benchmark (not a test; run by scripts/benchmark.sh against a running application on PostgreSQL):
 * <ol>
 * <li>start spike: N candidates start their sitting (paper drawn, first page served) spread over a window;</li>
 * <li>autosave: the same N each save an answer every few seconds for a while (latency under the paced load);</li>
 * <li>saturation: the same number of saves again, back to back from a fixed number of workers (throughput), beside
 * the baseline of the same number of plain JDBC upserts of one answer row from as many threads.</li>
 * </ol>
 * Prints a Markdown report and writes it to target/benchmark/report.md.
 */
public final class ExamLoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final int candidates;
    private final Duration spikeWindow;
    private final Duration autosaveDuration;
    private final Duration saveInterval;
    private final int workers;
    private final String jdbcUrl;
    private final HttpClient http;
    private final ExecutorService httpPool = Executors.newFixedThreadPool(64);
    private final StringBuilder report = new StringBuilder();

    /** One candidate's browser: its session cookie, CSRF token and save counter. */
    static final class Browser {
        final String mobile;
        final String number;
        volatile String session;
        volatile String xsrf;
        final AtomicLong sequence = new AtomicLong();

        Browser(String mobile, String number) {
            this.mobile = mobile;
            this.number = number;
        }
    }

    /** Latencies of one phase, in microseconds, and its failures by cause. */
    static final class Phase {
        final String name;
        final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        long started;
        long ended;

        Phase(String name) {
            this.name = name;
        }

        void ok(long startedNanos) {
            micros.add((System.nanoTime() - startedNanos) / 1000);
        }

        void error(String cause) {
            errors.computeIfAbsent(cause, k -> new AtomicInteger()).incrementAndGet();
        }

        double rate() {
            return micros.size() / ((ended - started) / 1e9);
        }

        int errorCount() {
            return errors.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        String row() {
            long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format("| %s | %d | %d | %.0f/s | %s | %s | %s | %s |", name, sorted.length, errorCount(),
                    rate(), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
                    ms(percentile(sorted, 99)), ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        }

        static long percentile(long[] sorted, int p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }

        static String ms(long micros) {
            return String.format("%.1f ms", micros / 1000.0);
        }
    }

    ExamLoadBenchmark(Map<String, String> args) {
        this.base = args.getOrDefault("base", "http://localhost:8099");
        this.candidates = Integer.parseInt(args.getOrDefault("candidates", "2000"));
        this.spikeWindow = Duration.ofSeconds(Long.parseLong(args.getOrDefault("spike-seconds", "60")));
        this.autosaveDuration = Duration.ofSeconds(Long.parseLong(args.getOrDefault("autosave-seconds", "60")));
        this.saveInterval = Duration.ofSeconds(Long.parseLong(args.getOrDefault("save-interval", "10")));
        this.workers = Integer.parseInt(args.getOrDefault("workers", "32"));
        this.jdbcUrl = args.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/certification?user=postgres");
        this.http = HttpClient.newBuilder().executor(httpPool).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        new ExamLoadBenchmark(args).run();
        System.exit(0);
    }

    void run() throws Exception {
        line("# Exam load benchmark");
        line("");
        line("Run " + Instant.now() + " against " + base + ": " + candidates + " candidates, start spike over "
                + spikeWindow.toSeconds() + " s, autosave every " + saveInterval.toSeconds() + " s for "
                + autosaveDuration.toSeconds() + " s, saturation with " + workers + " workers; "
                + Runtime.getRuntime().availableProcessors() + " cores shared by application, PostgreSQL and this client.");
        List<Browser> browsers = prepare();
        analyze();
        loginAll(browsers);
        Phase spike = startSpike(browsers);
        analyze();
        Phase paced = pacedAutosave(browsers);
        int count = paced.micros.size() + paced.errorCount();
        Phase saturation = saturated("saves, saturated (" + workers + " workers, same count)", browsers, count,
                this::save, body -> body.contains("\"outcome\":\"APPLIED\""));
        Phase ceiling = saturated("ceiling: signed-in GET /api/auth/me, saturated (same workers and count)", browsers,
                count, b -> request(b, "/api/auth/me").GET().build(), body -> body.contains("\"username\""));
        Phase baseline = jdbcBaseline(count);
        line("");
        line("| phase | requests | errors | throughput | p50 | p95 | p99 | max |");
        line("|---|---|---|---|---|---|---|---|");
        List<Phase> phases = List.of(spike, paced, saturation, ceiling, baseline);
        for (Phase phase : phases) {
            line(phase.row());
        }
        line("");
        double offered = candidates / (double) saveInterval.toSeconds();
        line(String.format("Paced autosave served %.2f× the offered load (%.0f saves/s).", paced.rate() / offered, offered));
        line(String.format("Saturated saves reach %.2f× the plain JDBC upsert throughput (goal ≥ 0.5) and %.2f× the "
                + "ceiling of a signed-in request that touches no database.", saturation.rate() / baseline.rate(),
                saturation.rate() / ceiling.rate()));
        for (Phase phase : phases) {
            if (!phase.errors.isEmpty()) {
                line("Errors in " + phase.name + ": " + phase.errors);
            }
        }
        Path out = Path.of("target", "benchmark", "report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
        System.out.println("(written to " + out + ")");
    }

    private List<Browser> prepare() throws Exception {
        Browser manager = new Browser("manager", null);
        login(manager, "manager", System.getProperty("manager.password",
                System.getenv().getOrDefault("DEMO_PASSWORD", "Carbon-Demo-2026")));
        long t = System.nanoTime();
        HttpResponse<String> response = http.send(request(manager, "/api/manager/benchmark/setup?candidates=" + candidates)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Setup failed: HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode prepared = JSON.readTree(response.body());
        line("Setup: session " + prepared.get("sessionCode").asText() + ", " + candidates + " candidates prepared in "
                + (System.nanoTime() - t) / 1_000_000_000 + " s.");
        passwordOfCandidates = prepared.get("password").asText();
        List<Browser> browsers = new ArrayList<>();
        prepared.get("candidates").forEach(c -> browsers.add(new Browser(c.get("mobile").asText(),
                c.get("applicationNumber").asText())));
        return browsers;
    }

    private String passwordOfCandidates;

    private void loginAll(List<Browser> browsers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long t = System.nanoTime();
        List<CompletableFuture<Void>> all = browsers.stream().map(b -> CompletableFuture.runAsync(() -> {
            try {
                login(b, b.mobile, passwordOfCandidates);
            } catch (Exception e) {
                throw new IllegalStateException("Login failed for " + b.mobile, e);
            }
        }, pool)).toList();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        line("Signed in " + browsers.size() + " candidates in " + (System.nanoTime() - t) / 1_000_000 + " ms.");
    }

    private Phase startSpike(List<Browser> browsers) throws InterruptedException {
        Phase phase = new Phase("start spike (paper drawn, first page)");
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
        CountDownLatch done = new CountDownLatch(browsers.size());
        phase.started = System.nanoTime();
        for (Browser b : browsers) {
            long delay = ThreadLocalRandom.current().nextLong(Math.max(1, spikeWindow.toMillis()));
            scheduler.schedule(() -> {
                long t = System.nanoTime();
                http.sendAsync(request(b, "/api/applications/" + b.number + "/exam/start")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((r, e) -> {
                            record(phase, t, r, e, body -> body.contains("\"status\":\"IN_PROGRESS\"") && body.contains("\"items\":[{"));
                            done.countDown();
                        });
            }, delay, TimeUnit.MILLISECONDS);
        }
        done.await(spikeWindow.toSeconds() + 300, TimeUnit.SECONDS);
        phase.ended = System.nanoTime();
        scheduler.shutdown();
        return phase;
    }

    private Phase pacedAutosave(List<Browser> browsers) throws InterruptedException {
        Phase phase = new Phase("autosave, paced (every " + saveInterval.toSeconds() + " s per candidate)");
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
        AtomicInteger inFlight = new AtomicInteger();
        phase.started = System.nanoTime();
        long stopAt = phase.started + autosaveDuration.toNanos();
        for (Browser b : browsers) {
            long offset = ThreadLocalRandom.current().nextLong(saveInterval.toMillis());
            scheduler.scheduleAtFixedRate(() -> {
                if (System.nanoTime() >= stopAt) {
                    return;
                }
                inFlight.incrementAndGet();
                long t = System.nanoTime();
                http.sendAsync(save(b), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((r, e) -> {
                            record(phase, t, r, e, body -> body.contains("\"outcome\":\"APPLIED\""));
                            inFlight.decrementAndGet();
                        });
            }, offset, saveInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        Thread.sleep(autosaveDuration.toMillis());
        scheduler.shutdown();
        while (inFlight.get() > 0) {
            Thread.sleep(50);
        }
        phase.ended = System.nanoTime();
        return phase;
    }

    /** {@code count} requests back to back from the fixed number of workers, cycling through the browsers. */
    private Phase saturated(String name, List<Browser> browsers, int count,
            java.util.function.Function<Browser, HttpRequest> requestOf, java.util.function.Predicate<String> expected)
            throws InterruptedException {
        Phase phase = new Phase(name);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        phase.started = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    Browser b = browsers.get(i % browsers.size());
                    long t = System.nanoTime();
                    try {
                        record(phase, t, http.send(requestOf.apply(b), HttpResponse.BodyHandlers.ofString()), null, expected);
                    } catch (IOException | InterruptedException e) {
                        record(phase, t, null, e, body -> false);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        phase.ended = System.nanoTime();
        return phase;
    }

    /**
     * Refreshes PostgreSQL's statistics, as autovacuum would after tables grow this fast. This machine's PostgreSQL
     * runs with autovacuum off: without it, plans prepared while the paper and answer tables were empty keep
     * scanning them whole.
     */
    private void analyze() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /** The same number of upserts of one answer row, with the same stale-save rule, straight through JDBC. */
    private Phase jdbcBaseline(int count) throws Exception {
        Phase phase = new Phase("baseline: plain JDBC upserts (" + workers + " threads, same count)");
        try (Connection ddl = DriverManager.getConnection(jdbcUrl); Statement s = ddl.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_answer");
            s.execute("CREATE TABLE bench_answer (sitting_id BIGINT, position INT, response VARCHAR(4000), "
                    + "client_sequence BIGINT, saved_at TIMESTAMP WITH TIME ZONE, PRIMARY KEY (sitting_id, position))");
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        phase.started = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement upsert = c.prepareStatement(
                        "INSERT INTO bench_answer (sitting_id, position, response, client_sequence, saved_at) "
                                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sitting_id, position) DO UPDATE SET "
                                + "response = EXCLUDED.response, client_sequence = EXCLUDED.client_sequence, "
                                + "saved_at = EXCLUDED.saved_at WHERE bench_answer.client_sequence < EXCLUDED.client_sequence")) {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        long t = System.nanoTime();
                        upsert.setLong(1, i % candidates);
                        upsert.setInt(2, 1 + i % 30);
                        upsert.setString(3, "ABCD".substring(i % 4, i % 4 + 1));
                        upsert.setLong(4, i);
                        upsert.setTimestamp(5, Timestamp.from(Instant.now()));
                        upsert.executeUpdate();
                        phase.ok(t);
                    }
                } catch (SQLException e) {
                    phase.error(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        phase.ended = System.nanoTime();
        try (Connection ddl = DriverManager.getConnection(jdbcUrl); Statement s = ddl.createStatement()) {
            s.execute("DROP TABLE bench_answer");
        }
        return phase;
    }

    private HttpRequest save(Browser b) {
        long sequence = b.sequence.incrementAndGet();
        int position = 1 + (int) (sequence % 30);
        String body = "{\"response\":\"" + "ABCD".charAt((int) (sequence % 4)) + "\",\"clientSequence\":" + sequence + "}";
        return request(b, "/api/applications/" + b.number + "/exam/answers/" + position)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void record(Phase phase, long startedNanos, HttpResponse<String> response, Throwable error,
            java.util.function.Predicate<String> expected) {
        if (error != null) {
            phase.error(error.getClass().getSimpleName());
        } else if (response.statusCode() != 200) {
            phase.error("HTTP " + response.statusCode());
        } else if (!expected.test(response.body())) {
            phase.error("unexpected body");
        } else {
            phase.ok(startedNanos);
        }
    }

    private void login(Browser b, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> csrf = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf")).build(),
                HttpResponse.BodyHandlers.ofString());
        remember(b, csrf);
        HttpResponse<String> login = http.send(request(b, "/api/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Login of " + username + " failed: HTTP " + login.statusCode() + " " + login.body());
        }
        remember(b, login);
    }

    private static void remember(Browser b, HttpResponse<?> response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            if (pair.startsWith("JSESSIONID=")) {
                b.session = pair.substring("JSESSIONID=".length());
            } else if (pair.startsWith("XSRF-TOKEN=") && pair.length() > "XSRF-TOKEN=".length()) {
                b.xsrf = pair.substring("XSRF-TOKEN=".length());
            }
        }
    }

    private HttpRequest.Builder request(Browser b, String path) {
        List<String> cookies = new ArrayList<>();
        if (b.session != null) {
            cookies.add("JSESSIONID=" + b.session);
        }
        if (b.xsrf != null) {
            cookies.add("XSRF-TOKEN=" + b.xsrf);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", String.join("; ", cookies));
        }
        if (b.xsrf != null) {
            builder.header("X-XSRF-TOKEN", b.xsrf);
        }
        return builder;
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
