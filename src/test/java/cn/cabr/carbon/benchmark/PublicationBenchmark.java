package cn.cabr.carbon.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The publication and certificate batch benchmark (not a test; run by scripts/benchmark-publication.sh against a
 * running application on PostgreSQL with the benchmark profile). In one run, on the same engine, database and job
 * executor:
 * <ol>
 * <li>(a') baseline: N plain process instances waiting for the message ScoresPublished are correlated the way a
 * session's cases are (one asynchronous no-op step each), until none is left;</li>
 * <li>(a) a manager fires SCORES_PUBLISHED for a session with N prepared cases, until every result is published and
 * notified, every case has moved on and every SendMail job has run;</li>
 * <li>(b') baseline: as many minimal one-page PDFs (one line of Chinese, the certificate's font) as there are passing
 * cases, rendered on the job executor's threads;</li>
 * <li>(b) the manager fires CERTIFICATES_ISSUED, until every passing case has its signed certificate PDF and every
 * job (the case-closed mails included) has run.</li>
 * </ol>
 * Then checks the outcome (one certificate per passing case, no duplicate numbers, no incidents, PDF sizes, a
 * sample of PDFs signed with subset fonts), prints a Markdown report and writes target/benchmark/publication-report.md.
 */
public final class PublicationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_KB = 300;

    private final String base;
    private final int cases;
    private final String jdbcUrl;
    private final Path storageDirectory;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final StringBuilder report = new StringBuilder();
    private final List<String> problems = new ArrayList<>();
    private String session;
    private String xsrf;
    private Connection db;

    PublicationBenchmark(Map<String, String> args) {
        this.base = args.getOrDefault("base", "http://localhost:8099");
        this.cases = Integer.parseInt(args.getOrDefault("cases", "10000"));
        this.jdbcUrl = args.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/certification?user=postgres");
        this.storageDirectory = Path.of(args.getOrDefault("storage", "target/benchmark/data/files"));
        this.timeout = Duration.ofMinutes(Long.parseLong(args.getOrDefault("timeout-minutes", "60")));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int exit = new PublicationBenchmark(args).run();
        System.exit(exit);
    }

    int run() throws Exception {
        db = DriverManager.getConnection(jdbcUrl);
        login("manager", System.getenv().getOrDefault("DEMO_PASSWORD", "Carbon-Demo-2026"));
        JsonNode threadsBefore = get("/api/manager/benchmark/publication/job-threads");
        line("# Publication and certificate benchmark");
        line("");
        line("Run " + Instant.now() + " against " + base + " (PostgreSQL): " + cases + " cases; "
                + Runtime.getRuntime().availableProcessors() + " cores shared by the application, PostgreSQL and this "
                + "client. Job executor as configured: core " + threadsBefore.get("corePoolSize") + ", max "
                + threadsBefore.get("maxPoolSize") + " threads.");

        long t = System.nanoTime();
        JsonNode prepared = post("/api/manager/benchmark/publication/setup?cases=" + cases, null, 200);
        String code = prepared.get("sessionCode").asText();
        long sessionId = prepared.get("sessionId").asLong();
        int passed = prepared.get("passed").asInt();
        int failed = prepared.get("failed").asInt();
        int voided = prepared.get("voided").asInt();
        line("");
        line("Preparation (not measured): session " + code + ", " + cases + " cases (" + passed + " pass, " + failed
                + " fail, " + voided + " voided) waiting at 等待成绩公布, and " + cases + " plain instances, in "
                + seconds(System.nanoTime() - t) + ".");
        requireZero("incidents before the run", "SELECT COUNT(*) FROM act_ru_incident");

        // (a') plain correlation
        t = System.nanoTime();
        JsonNode plain = post("/api/manager/benchmark/publication/plain-correlation?plainSessionId="
                + prepared.get("plainSessionId").asLong(), null, 200);
        await("plain instances done", () -> count("SELECT COUNT(*) FROM act_ru_execution e JOIN act_re_procdef d "
                + "ON e.proc_def_id_ = d.id_ WHERE d.key_ = 'BenchmarkPlainPublication'") == 0);
        long plainNanos = System.nanoTime() - t;
        int plainCorrelated = plain.get("correlated").asInt();
        if (plainCorrelated != cases) {
            problems.add("plain correlation moved " + plainCorrelated + " instances, expected " + cases);
        }

        // (a) publication
        t = System.nanoTime();
        post("/api/manager/sessions/" + code + "/milestones/SCORES_PUBLISHED", "{}", 202);
        await("publication done", () -> count("SELECT COUNT(*) FROM exam_result r JOIN application a ON a.id = "
                + "r.application_id WHERE a.session_id = " + sessionId + " AND (r.notified_at IS NULL OR r.published_at IS NULL)") == 0
                && subscriptions(sessionId, "ScoresPublished") == 0
                && asyncJobs() == 0);
        long publicationNanos = System.nanoTime() - t;
        JsonNode threadsAfterPublication = get("/api/manager/benchmark/publication/job-threads");
        long resultMails = count("SELECT COUNT(*) FROM notification n JOIN application a ON a.id = n.application_id "
                + "WHERE a.session_id = " + sessionId + " AND n.kind = 'RESULT_PUBLISHED' AND n.mail_status = 'SENT'");
        long waitingForCertificates = subscriptions(sessionId, "CertificatesIssued");
        if (resultMails != cases) {
            problems.add("result mails sent: " + resultMails + ", expected " + cases);
        }
        if (waitingForCertificates != passed) {
            problems.add("cases waiting for certificates: " + waitingForCertificates + ", expected " + passed);
        }

        // (b') minimal PDFs on the job executor's threads
        JsonNode pdf = post("/api/manager/benchmark/publication/minimal-pdfs?documents=" + passed, null, 200);
        long pdfMillis = pdf.get("millis").asLong();

        // the renderer's font reuse, before and after, interleaved on the same threads
        JsonNode fontReuse = post("/api/manager/benchmark/publication/font-reuse?documents=" + Math.min(passed, 300),
                null, 200);

        // (b) certificates
        t = System.nanoTime();
        post("/api/manager/sessions/" + code + "/milestones/CERTIFICATES_ISSUED", "{}", 202);
        await("certificates done", () -> count("SELECT COUNT(*) FROM certificate c JOIN application a ON a.id = "
                + "c.application_id WHERE a.session_id = " + sessionId + " AND c.produced_at IS NOT NULL") == passed
                && subscriptions(sessionId, "CertificatesIssued") == 0
                && asyncJobs() == 0);
        long certificateNanos = System.nanoTime() - t;
        JsonNode threadsAfterCertificates = get("/api/manager/benchmark/publication/job-threads");

        // checks
        long certificates = count("SELECT COUNT(*) FROM certificate c JOIN application a ON a.id = c.application_id "
                + "WHERE a.session_id = " + sessionId);
        long duplicateNumbers = count("SELECT COUNT(*) - COUNT(DISTINCT certificate_number) FROM certificate");
        long certificatesOfNonPassing = count("SELECT COUNT(*) FROM certificate c JOIN exam_result r ON "
                + "r.application_id = c.application_id WHERE r.outcome <> 'PASSED'");
        long incidents = count("SELECT COUNT(*) FROM act_ru_incident");
        long failedJobs = count("SELECT COUNT(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL");
        long openCases = count("SELECT COUNT(*) FROM act_ru_execution p JOIN application a ON a.application_number = "
                + "p.business_key_ WHERE p.id_ = p.proc_inst_id_ AND a.session_id = " + sessionId);
        long certifiedMails = count("SELECT COUNT(*) FROM notification n JOIN application a ON a.id = n.application_id "
                + "WHERE a.session_id = " + sessionId + " AND n.kind = 'CASE_CERTIFIED' AND n.mail_status = 'SENT'");
        long maxBytes = count("SELECT COALESCE(MAX(size_bytes), 0) FROM certificate");
        long meanBytes = count("SELECT COALESCE(ROUND(AVG(size_bytes)), 0) FROM certificate");
        String sample = checkSample(sessionId, 20);
        if (certificates != passed) {
            problems.add("certificates: " + certificates + ", passing cases: " + passed);
        }
        if (duplicateNumbers != 0) {
            problems.add(duplicateNumbers + " duplicate certificate numbers");
        }
        if (certificatesOfNonPassing != 0) {
            problems.add(certificatesOfNonPassing + " certificates for cases that did not pass");
        }
        if (incidents != 0 || failedJobs != 0) {
            problems.add(incidents + " incidents, " + failedJobs + " failed jobs");
        }
        if (openCases != 0) {
            problems.add(openCases + " of the session's CertificationCase instances still open");
        }
        if (certifiedMails != passed) {
            problems.add("certificate mails sent: " + certifiedMails + ", expected " + passed);
        }
        if (maxBytes > MAX_KB * 1024) {
            problems.add("largest certificate " + maxBytes + " bytes, over " + MAX_KB + " KB");
        }

        double plainPerCase = plainNanos / 1e6 / cases;
        double publicationPerCase = publicationNanos / 1e6 / cases;
        double pdfPerDocument = pdfMillis / (double) passed;
        double certificatePerCase = certificateNanos / 1e6 / passed;
        line("");
        line("| phase | cases | wall time | per case | cases/s |");
        line("|---|---|---|---|---|");
        line(row("(a') baseline: plain correlation of ScoresPublished + 1 async no-op job", cases, plainNanos / 1e6));
        line(row("(a) SCORES_PUBLISHED fired: results published, cases moved on, result mails sent", cases,
                publicationNanos / 1e6));
        line(row("(b') baseline: minimal one-page PDF, same font, job executor threads", passed, pdfMillis));
        line(row("(b) CERTIFICATES_ISSUED fired: signed certificate PDF, case closed, mail sent", passed,
                certificateNanos / 1e6));
        line("");
        line(String.format("**Publication per case ÷ plain correlation per case = %.2f.** "
                + "**Certificate per case ÷ minimal PDF per case = %.2f.**", publicationPerCase / plainPerCase,
                certificatePerCase / pdfPerDocument));
        line("");
        line("Plain correlation call alone: " + plain.get("millis").asLong() + " ms for " + plainCorrelated
                + " instances. Job executor threads used at most: " + threadsAfterPublication.get("largestPoolSize")
                + " after (a), " + threadsAfterCertificates.get("largestPoolSize") + " after (b); the minimal PDFs ran on "
                + pdf.get("threads") + " (" + pdf.get("meanBytes").asLong() + " bytes each on average).");
        line("");
        line(String.format("Certificate rendering (no signing, storage or engine), %d documents each way, interleaved on "
                + "the job executor's threads: fonts parsed per document %.1f ms, fonts reused %.1f ms per document "
                + "(after ÷ before = %.2f).", fontReuse.get("documents").asInt(),
                fontReuse.get("parsedMillisPerDocument").asDouble(), fontReuse.get("reusedMillisPerDocument").asDouble(),
                fontReuse.get("reusedMillisPerDocument").asDouble() / fontReuse.get("parsedMillisPerDocument").asDouble()));
        line("");
        line("| check | result |");
        line("|---|---|");
        line("| certificates = passing cases | " + certificates + " = " + passed + (certificates == passed ? " ✓" : " ✗") + " |");
        line("| duplicate certificate numbers | " + duplicateNumbers + " |");
        line("| certificates of cases that did not pass | " + certificatesOfNonPassing + " |");
        line("| incidents / failed jobs | " + incidents + " / " + failedJobs + " |");
        line("| CertificationCase instances still open | " + openCases + " |");
        line("| result mails sent (all cases) / certificate mails sent (passing) | " + resultMails + " / " + certifiedMails + " |");
        line("| certificate PDF size max / mean | " + kb(maxBytes) + " / " + kb(meanBytes) + " (limit " + MAX_KB + " KB) |");
        line("| sample of PDFs opened | " + sample + " |");
        line("");
        if (problems.isEmpty()) {
            line("All checks passed.");
        } else {
            line("**Problems:** " + String.join("; ", problems));
        }
        Path out = Path.of("target", "benchmark", "publication-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
        System.out.println("(written to " + out + ")");
        return problems.isEmpty() ? 0 : 1;
    }

    /** Opens a sample of the session's PDFs: one page, one signature, every font embedded as a subset. */
    private String checkSample(long sessionId, int size) throws Exception {
        int opened = 0;
        int bad = 0;
        try (PreparedStatement s = db.prepareStatement("SELECT c.certificate_number, c.storage_key FROM certificate c "
                + "JOIN application a ON a.id = c.application_id WHERE a.session_id = ? ORDER BY random() LIMIT ?")) {
            s.setLong(1, sessionId);
            s.setInt(2, size);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(2);
                    Path file = storageDirectory.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
                    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                        opened++;
                        boolean ok = pdf.getNumberOfPages() == 1 && pdf.getSignatureDictionaries().size() == 1;
                        PDPage page = pdf.getPage(0);
                        for (var name : page.getResources().getFontNames()) {
                            PDFont font = page.getResources().getFont(name);
                            ok &= font.getName() != null && font.getName().matches("[A-Z]{6}\\+.*");
                        }
                        if (!ok) {
                            bad++;
                            problems.add("certificate " + rs.getString(1) + " is not one signed page with subset fonts");
                        }
                    }
                }
            }
        }
        return opened + " opened, " + (opened - bad) + " one page, signed once, fonts embedded as subsets";
    }

    /** Event subscriptions of the session's cases for a message. */
    private long subscriptions(long sessionId, String message) {
        return count("SELECT COUNT(*) FROM act_ru_event_subscr s JOIN act_ru_execution p ON p.id_ = s.proc_inst_id_ "
                + "JOIN application a ON a.application_number = p.business_key_ WHERE a.session_id = " + sessionId
                + " AND s.event_name_ = '" + message + "'");
    }

    private long asyncJobs() {
        return count("SELECT COUNT(*) FROM act_ru_job WHERE type_ = 'message'");
    }

    private void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for " + what);
            }
            if (count("SELECT COUNT(*) FROM act_ru_incident") > 0
                    || count("SELECT COUNT(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL") > 0) {
                throw new IllegalStateException("A job failed while waiting for " + what + ": "
                        + text("SELECT MIN(exception_msg_) FROM act_ru_job WHERE exception_msg_ IS NOT NULL"));
            }
            Thread.sleep(250);
        }
    }

    private long count(String sql) {
        try (var s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private String text(String sql) {
        try (var s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String row(String name, int count, double millis) {
        return String.format("| %s | %d | %.1f s | %.2f ms | %.1f |", name, count, millis / 1000, millis / count,
                count / (millis / 1000));
    }

    private static String kb(long bytes) {
        return String.format("%.1f KB", bytes / 1024.0);
    }

    private static String seconds(long nanos) {
        return String.format("%.0f s", nanos / 1e9);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        remember(r);
        return JSON.readTree(r.body());
    }

    private JsonNode post(String path, String json, int expected) throws Exception {
        HttpRequest.Builder b = request(path);
        if (json != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.POST(HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        remember(r);
        return JSON.readTree(r.body());
    }

    private void login(String username, String password) throws Exception {
        remember(http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf")).build(),
                HttpResponse.BodyHandlers.ofString()));
        post("/api/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", 200);
    }

    private void remember(HttpResponse<?> response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            if (pair.startsWith("JSESSIONID=")) {
                session = pair.substring("JSESSIONID=".length());
            } else if (pair.startsWith("XSRF-TOKEN=") && pair.length() > "XSRF-TOKEN=".length()) {
                xsrf = pair.substring("XSRF-TOKEN=".length());
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30));
        List<String> cookies = new ArrayList<>();
        if (session != null) {
            cookies.add("JSESSIONID=" + session);
        }
        if (xsrf != null) {
            cookies.add("XSRF-TOKEN=" + xsrf);
            b.header("X-XSRF-TOKEN", xsrf);
        }
        if (!cookies.isEmpty()) {
            b.header("Cookie", String.join("; ", cookies));
        }
        return b;
    }

    private void requireZero(String what, String sql) {
        long n = count(sql);
        if (n != 0) {
            problems.add(what + ": " + n);
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
