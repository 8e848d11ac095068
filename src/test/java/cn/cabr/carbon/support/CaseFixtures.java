package cn.cabr.carbon.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.demo.SampleDocuments;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.session.SessionDefinition;
import cn.cabr.carbon.training.TrainingHours;

/** Builds what integration tests need, the way users would: through the API wherever a user would act. */
@TestComponent
public class CaseFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 9000));
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    public static final List<String> DOCUMENTS_OF_A_BACHELOR = List.of("PHOTO", "REGISTRATION_FORM", "ID_CARD_FRONT",
            "ID_CARD_BACK", "DIPLOMA", "DEGREE_CERTIFICATE", "EMPLOYMENT_PROOF");

    public record Candidate(ApiClient client, String mobile, String idNumber, String fullName) {
    }

    private final ExamSessions sessions;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final Environment environment;
    private final TrainingHours trainingHours;
    private final Candidates candidates;
    private final Applications applications;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final String password;

    CaseFixtures(ExamSessions sessions, ManagementService managementService, TaskService taskService,
            Environment environment, TrainingHours trainingHours, Candidates candidates, Applications applications,
            org.springframework.jdbc.core.JdbcTemplate jdbc, @Value("${certification.demo.password}") String password) {
        this.sessions = sessions;
        this.managementService = managementService;
        this.taskService = taskService;
        this.environment = environment;
        this.trainingHours = trainingHours;
        this.candidates = candidates;
        this.applications = applications;
        this.jdbc = jdbc;
        this.password = password;
    }

    public String password() {
        return password;
    }

    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    public ApiClient client() {
        return new ApiClient(port());
    }

    /** A staff member signed in through the login API (reviewer, grader, adjudicator, manager). */
    public ApiClient staff(String user) {
        ApiClient client = client();
        assertThat(client.login(user, password).status()).isEqualTo(200);
        return client;
    }

    /** An open session of the notice's standard (150 points, pass 90, 120 min, 36 hours) with dates ahead. */
    public ExamSession newSession() {
        Instant now = Instant.now();
        String code = "T" + SEQUENCE.incrementAndGet() + ThreadLocalRandom.current().nextInt(10, 99);
        return sessions.create(SessionDefinition.standard(code, "测试考期" + code, now.plus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(33)), now.plus(Duration.ofDays(35)),
                now.plus(Duration.ofDays(45)), now.plus(Duration.ofDays(60))));
    }

    public static String validIdNumber() {
        String base = "320102" + (1970 + ThreadLocalRandom.current().nextInt(30)) + "0" + (1 + ThreadLocalRandom.current().nextInt(9))
                + (10 + ThreadLocalRandom.current().nextInt(18)) + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * WEIGHTS[i];
        }
        return base + "10X98765432".charAt(sum % 11);
    }

    /** The e-mail address {@link #candidate} registers with. */
    public static String emailOf(String mobile) {
        return "c" + mobile + "@example.cn";
    }

    /** A training-records CSV giving the candidate 36 hours in two courses, finished over the last two days. */
    public static String hoursCsv(String idNumber) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        LocalDateTime yesterday = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        return "id_number,hours,completed_at,course\n"
                + idNumber + ",20," + yesterday.minusDays(1).format(format) + ",双碳目标和政策解读\n"
                + idNumber + ",16," + yesterday.format(format) + ",\"碳交易与碳资产管理，碳足迹\"\n";
    }

    public static String newMobile() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Registers through the API and signs in. */
    public Candidate candidate(String fullName) {
        ApiClient client = client();
        String mobile = newMobile();
        String idNumber = validIdNumber();
        client.get("/api/auth/csrf");
        ApiClient.Response registered = client.post("/api/auth/register", Map.of("fullName", fullName,
                "idNumber", idNumber, "mobile", mobile, "email", emailOf(mobile), "password", password));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(client.login(mobile, password).status()).isEqualTo(200);
        return new Candidate(client, mobile, idNumber, fullName);
    }

    /** A complete bachelor's application (related major, 4 years) as a draft; returns its number. */
    public String draft(Candidate candidate, String sessionCode) {
        ApiClient.Response created = candidate.client().post("/api/applications", Map.of("sessionCode", sessionCode,
                "details", Map.ofEntries(Map.entry("educationLevel", "BACHELOR"), Map.entry("school", "同济大学"),
                        Map.entry("graduationDate", "2016-07-01"), Map.entry("major", "环境工程"),
                        Map.entry("relatedMajor", true), Map.entry("relatedWorkYears", 4),
                        Map.entry("employer", "上海某节能服务公司"), Map.entry("position", "工程师"),
                        Map.entry("lawAbidingDeclared", true), Map.entry("claimedClause", "RULE_3_BACHELOR_1Y"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("applicationNumber").asText();
    }

    public void uploadAll(Candidate candidate, String number) {
        for (String type : DOCUMENTS_OF_A_BACHELOR) {
            upload(candidate, number, type);
        }
    }

    public ApiClient.Response upload(Candidate candidate, String number, String type) {
        byte[] own = ownImages.get().get(type);
        if (own != null) { // a test's own JPEG (caseReadyForExamWithImages)
            ApiClient.Response response = candidate.client().upload("/api/applications/" + number + "/documents",
                    type, type.toLowerCase() + ".jpg", "image/jpeg", own);
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            return response;
        }
        boolean image = type.equals("PHOTO") || type.startsWith("ID_CARD");
        ApiClient.Response response = candidate.client().upload("/api/applications/" + number + "/documents", type,
                type.toLowerCase() + (image ? ".png" : ".pdf"), image ? "image/png" : "application/pdf",
                image ? SampleDocuments.png(type) : SampleDocuments.pdf(type));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    /** Draft, all materials, submitted: the case now waits for the reviewer. */
    public String submittedApplication(Candidate candidate, String sessionCode) {
        String number = draft(candidate, sessionCode);
        uploadAll(candidate, number);
        ApiClient.Response submitted = candidate.client().post("/api/applications/" + number + "/submit", "");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return number;
    }

    public record ReadyCase(ExamSession session, Candidate candidate, String number) {
    }

    /**
     * A case whose candidate may start the exam now: approved, eligible, 36 hours recorded, and the session's
     * milestones fired up to the exam's start.
     */
    public ReadyCase caseReadyForExam(String fullName) {
        return caseReadyForExam(fullName, session -> { });
    }

    private final ThreadLocal<Map<String, byte[]>> ownImages = ThreadLocal.withInitial(Map::of);

    /** The same, with the candidate's own JPEGs for some materials (by type, e.g. PHOTO, ID_CARD_FRONT). */
    public ReadyCase caseReadyForExamWithImages(String fullName, Map<String, byte[]> jpegs) {
        ownImages.set(jpegs);
        try {
            return caseReadyForExam(fullName);
        } finally {
            ownImages.remove();
        }
    }

    /** The same, with a chance to change the session's settings (as a manager) before the exam opens. */
    public ReadyCase caseReadyForExam(String fullName, java.util.function.Consumer<ExamSession> beforeExamOpens) {
        ExamSession session = newSession();
        beforeExamOpens.accept(session);
        Candidate candidate = candidate(fullName);
        String number = submittedApplication(candidate, session.getCode());
        Task review = task(number, "Task_ReviewDocuments");
        taskService.complete(review.getId(), Map.of("decision", "APPROVE"));
        runJobs();
        trainingHours.add(candidateIdOf(candidate), new java.math.BigDecimal("36"), "考前培训（全部五个模块）",
                Instant.now().minus(Duration.ofDays(1)), "测试");
        ApiClient manager = staff("manager");
        for (Milestone m : List.of(Milestone.APPLICATIONS_CLOSED, Milestone.MATERIALS_CLOSED, Milestone.HOURS_COUNTED,
                Milestone.EXAM_OPENED)) {
            fire(manager, session.getCode(), m);
        }
        return new ReadyCase(session, candidate, number);
    }

    /** A 128-number face descriptor: {@code base} everywhere but {@code first} in the first component. */
    public static List<Double> faceDescriptor(double base, double first) {
        List<Double> values = new java.util.ArrayList<>(java.util.Collections.nCopies(128, base));
        values.set(0, first);
        return values;
    }

    /** A small generated JPEG of one colour. */
    public static byte[] jpeg(java.awt.Color color) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "jpg", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String dataUrl(byte[] jpeg) {
        return "data:image/jpeg;base64," + java.util.Base64.getEncoder().encodeToString(jpeg);
    }

    /**
     * What the check-in page sends: fixed descriptors whose live face is {@code liveFirst} away from both documents
     * (on the first component; the threshold is 0.55), {@code faces} faces found, and two small pictures.
     */
    public static Map<String, Object> identityCheckIn(double liveFirst, int faces) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("liveDescriptor", faceDescriptor(0.05, liveFirst));
        body.put("photoDescriptor", faceDescriptor(0.05, 0.0));
        body.put("idCardDescriptor", faceDescriptor(0.05, 0.0));
        body.put("liveFaceCount", faces);
        body.put("liveImage", dataUrl(jpeg(java.awt.Color.ORANGE)));
        body.put("idCardHeldImage", dataUrl(jpeg(java.awt.Color.BLUE)));
        return body;
    }

    /**
     * The candidate passes the identity check-in through the API (faces 0.1 apart): a camera-proctored session's
     * sitting may then be started.
     */
    public void passIdentityCheck(ReadyCase ready) {
        ApiClient.Response checked = ready.candidate().client().post(
                "/api/applications/" + ready.number() + "/exam/identity", identityCheckIn(0.1, 1));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        assertThat(checked.json().get("mayEnter").asBoolean()).as(checked.toString()).isTrue();
    }

    public void completeTask(Task task, Map<String, Object> variables) {
        taskService.complete(task.getId(), variables);
        runJobs();
    }

    public String variable(Task task, String name) {
        Object value = taskService.getVariable(task.getId(), name);
        return value == null ? null : value.toString();
    }

    /**
     * The keys of the objective items of the case's paper, by position, in the labels this candidate sees (their
     * options are shuffled). Tests may read what candidates cannot.
     */
    public Map<Integer, String> displayedKeys(String number) {
        Map<Integer, String> keys = new java.util.TreeMap<>();
        jdbc.query("select si.position, qv.answer_key, si.option_order from sitting_item si "
                + "join question_version qv on qv.id = si.question_version_id join sitting s on s.id = si.sitting_id "
                + "where s.application_id = ? and s.superseded_at is null and qv.answer_key is not null", rs -> {
                    String key = rs.getString(2);
                    String order = rs.getString(3);
                    keys.put(rs.getInt(1), order == null ? key : java.util.Arrays.stream(key.split(","))
                            .map(label -> String.valueOf((char) ('A' + order.indexOf(label)))).sorted()
                            .collect(java.util.stream.Collectors.joining(",")));
                }, applicationIdOf(number));
        return keys;
    }

    /** Positions of the short answers on the case's paper. */
    public List<Integer> shortAnswerPositions(String number) {
        return jdbc.queryForList("select si.position from sitting_item si join question_version qv "
                + "on qv.id = si.question_version_id join sitting s on s.id = si.sitting_id "
                + "where s.application_id = ? and s.superseded_at is null and qv.question_type = 'SHORT_ANSWER' order by si.position",
                Integer.class, applicationIdOf(number));
    }

    /** The score a grader gave to the answer at that position of the case's paper. */
    public Integer gradedScore(String number, int position) {
        return jdbc.query("select a.score from answer a join sitting s on s.id = a.sitting_id "
                        + "join sitting_item p on p.id = a.sitting_item_id where s.application_id = ? and s.superseded_at is null and p.position = ?",
                (rs, i) -> (Integer) rs.getObject(1), applicationIdOf(number), position).get(0);
    }

    public long applicationIdOf(String number) {
        return applications.getByNumber(number).getId();
    }

    public long candidateIdOf(Candidate candidate) {
        return candidates.findByMobile(candidate.mobile()).orElseThrow().getId();
    }

    /** Runs every due job, as the job executor would, until none is left. */
    public void runJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming after 50 rounds");
    }

    public Task task(String businessKey, String taskDefinitionKey) {
        List<Task> tasks = tasks(businessKey, taskDefinitionKey);
        assertThat(tasks).as("open %s of %s", taskDefinitionKey, businessKey).hasSize(1);
        return tasks.get(0);
    }

    public List<Task> tasks(String businessKey, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskDefinitionKey).list();
    }

    /** The manager fires the milestone through the API, then the job executor's work is done. */
    public void fire(ApiClient manager, String sessionCode, Milestone milestone) {
        ApiClient.Response fired = manager.post("/api/manager/sessions/" + sessionCode + "/milestones/" + milestone, "");
        assertThat(fired.status()).as(fired.toString()).isEqualTo(202);
        runJobs();
        assertThat(sessions.reachedMilestones(sessions.getByCode(sessionCode).getId())).containsKey(milestone);
    }
}
