package cn.cabr.carbon.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cabr.carbon.application.ApplicantDetails;
import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.EligibilityClause;
import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.application.DocumentType;
import cn.cabr.carbon.application.EducationLevel;
import cn.cabr.carbon.application.Registration;
import cn.cabr.carbon.exam.QuestionBank;
import cn.cabr.carbon.exam.SampleBank;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.SessionDefinition;
import cn.cabr.carbon.session.SessionDuty;
import cn.cabr.carbon.session.SessionStaff;
import cn.cabr.carbon.training.TrainingHours;

/**
 * Demo data, loaded once on the first start when {@code certification.demo.enabled} is true: the sample question
 * bank (200 original items), an open demo session whose dates lie ahead of the load day, and a demo candidate whose submitted application waits for
 * the reviewer in Tasklist. Staff demo users come from the staff directory.
 */
@Component
@ConditionalOnProperty(name = "certification.demo.enabled", havingValue = "true")
class DemoData {

    static final String SESSION_CODE = "DEMO";
    static final String CANDIDATE_MOBILE = "13800000001";
    static final String SECOND_CANDIDATE_MOBILE = "13800000002";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ExamSessions sessions;
    private final Candidates candidates;
    private final Applications applications;
    private final TrainingHours trainingHours;
    private final SampleBank sampleBank;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;
    private final String password;
    private final SessionStaff sessionStaff;

    DemoData(ExamSessions sessions, Candidates candidates, Applications applications, TrainingHours trainingHours,
            SampleBank sampleBank, SessionStaff sessionStaff, TransactionTemplate transaction, Clock clock,
            ZoneId businessZone, @Value("${certification.demo.password}") String password) {
        this.sessions = sessions;
        this.sessionStaff = sessionStaff;
        this.candidates = candidates;
        this.applications = applications;
        this.trainingHours = trainingHours;
        this.sampleBank = sampleBank;
        this.transaction = transaction;
        this.clock = clock;
        this.zone = businessZone;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void load() {
        QuestionBank.ImportReport bank = transaction.execute(status -> sampleBank.load());
        log.info("Sample question bank: {} new questions, {} new versions, {} unchanged", bank.created(),
                bank.newVersions(), bank.unchanged());
        if (sessions.findByCode(SESSION_CODE).isPresent()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            ExamSession session = sessions.create(demoSession(LocalDate.now(clock.withZone(zone))));
            Candidate first = candidates.register(new Registration("张碳峰", "110105199003071239", CANDIDATE_MOBILE,
                    "zhang.tanfeng@example.cn", password));
            submitApplication(first, session, EducationLevel.BACHELOR, "环境科学与工程", true, 3);
            trainingHours.add(first.getId(), new BigDecimal("20"), "双碳目标和政策解读；企业碳排放核算",
                    clock.instant().minus(3, ChronoUnit.DAYS), "碳排放管理专业技术人员培训综合服务平台");
            trainingHours.add(first.getId(), new BigDecimal("16"), "企业碳核查与能源管理；碳足迹量化与报告；碳交易与碳资产管理",
                    clock.instant().minus(1, ChronoUnit.DAYS), "碳排放管理专业技术人员培训综合服务平台");
            Candidate second = candidates.register(new Registration("李清源", "310115198806152345",
                    SECOND_CANDIDATE_MOBILE, "li.qingyuan@example.cn", password));
            submitApplication(second, session, EducationLevel.JUNIOR_COLLEGE, "建筑工程技术", false, 6);
            sessionStaff.assign(SESSION_CODE, Map.of(SessionDuty.PROCTOR, List.of("proctor"),
                    SessionDuty.ADJUDICATOR, List.of("adjudicator", "adjudicator2")), "demo");
        });
        log.info("Demo data loaded: session {}, candidates {} and {}", SESSION_CODE, CANDIDATE_MOBILE,
                SECOND_CANDIDATE_MOBILE);
    }

    /** Dates relative to the load day, so the demo session is always open when it is created. */
    private SessionDefinition demoSession(LocalDate today) {
        return SessionDefinition.standard(SESSION_CODE, "演示考期",
                at(today.plusDays(30), LocalTime.of(23, 59, 59)), at(today.plusDays(30), LocalTime.of(23, 59, 59)),
                at(today.plusDays(33), LocalTime.of(23, 30)), at(today.plusDays(35), LocalTime.of(14, 0)),
                at(today.plusDays(45), LocalTime.of(9, 0)), at(today.plusDays(60), LocalTime.of(9, 0)));
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private void submitApplication(Candidate candidate, ExamSession session, EducationLevel education, String major,
            boolean relatedMajor, int workYears) {
        Application application = applications.createDraft(candidate.getId(), session.getCode(), new ApplicantDetails(
                null, null, education, "华北电力大学", LocalDate.of(2012, 7, 1), major, relatedMajor, workYears,
                "北京绿能低碳科技有限公司", "碳排放核算工程师", "无", false, true,
                education == EducationLevel.JUNIOR_COLLEGE ? EligibilityClause.RULE_2_COLLEGE_2Y : EligibilityClause.RULE_3_BACHELOR_1Y));
        String number = application.getApplicationNumber();
        for (DocumentType type : DocumentType.values()) {
            if (type == DocumentType.OTHER_PROOF || type == DocumentType.DEGREE_CERTIFICATE && education == EducationLevel.JUNIOR_COLLEGE) {
                continue;
            }
            boolean image = type == DocumentType.PHOTO || type == DocumentType.ID_CARD_FRONT || type == DocumentType.ID_CARD_BACK;
            byte[] content = image ? SampleDocuments.png(type.name()) : SampleDocuments.pdf(type.name() + " - " + number);
            applications.upload(candidate.getId(), number, type, type.name().toLowerCase() + (image ? ".png" : ".pdf"), content);
        }
        applications.submit(candidate.getId(), number);
    }
}
