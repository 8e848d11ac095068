package cn.cabr.carbon.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.cabr.carbon.shared.BusinessException;

/** One exam session (考期): its dates, its scoring rules and its counters. Four a year, all data. */
@Entity
@Table(name = "exam_session")
public class ExamSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private boolean archived;
    private Instant applicationsCloseAt;
    private Instant materialsCloseAt;
    private Instant hoursCutoffAt;
    private Instant examStartAt;
    private Instant examEndAt;
    private Instant scoresPublishAt;
    private Instant certificatesIssueAt;
    private int durationMinutes;
    private int totalPoints;
    private int passMark;
    private int requiredHours;
    private String supportContact;
    @Enumerated(EnumType.STRING)
    private MultipleChoicePolicy multipleChoicePolicy;
    private boolean doubleMarking;
    private int markingThreshold;
    private boolean sequentialNavigation;
    private boolean identityCheckRequired;
    private int evidenceRetentionDays = DEFAULT_EVIDENCE_RETENTION_DAYS;
    private int nextApplicationSeq;
    private int nextCertificateSeq;
    private Instant createdAt;

    /** How long face images and monitoring snapshots are kept unless the manager sets another period. */
    public static final int DEFAULT_EVIDENCE_RETENTION_DAYS = 180;

    protected ExamSession() {
    }

    ExamSession(SessionDefinition d, boolean archived, Instant now) {
        this.code = d.code();
        this.name = d.name();
        this.archived = archived;
        this.applicationsCloseAt = d.applicationsCloseAt();
        this.materialsCloseAt = d.materialsCloseAt();
        this.hoursCutoffAt = d.hoursCutoffAt();
        this.examStartAt = d.examStartAt();
        this.examEndAt = d.examEndAt();
        this.scoresPublishAt = d.scoresPublishAt();
        this.certificatesIssueAt = d.certificatesIssueAt();
        this.durationMinutes = d.durationMinutes();
        this.totalPoints = d.totalPoints();
        this.passMark = d.passMark();
        this.requiredHours = d.requiredHours();
        this.supportContact = d.supportContact();
        this.multipleChoicePolicy = d.multipleChoicePolicy() == null ? MultipleChoicePolicy.ALL_OR_NOTHING
                : d.multipleChoicePolicy();
        this.doubleMarking = Boolean.TRUE.equals(d.doubleMarking());
        this.markingThreshold = d.markingThreshold() == null ? 3 : d.markingThreshold();
        this.nextApplicationSeq = 1;
        this.nextCertificateSeq = 1;
        this.createdAt = now;
    }

    public Instant dueAt(Milestone milestone) {
        return switch (milestone) {
            case APPLICATIONS_CLOSED -> applicationsCloseAt;
            case MATERIALS_CLOSED -> materialsCloseAt;
            case HOURS_COUNTED -> hoursCutoffAt;
            case EXAM_OPENED -> examStartAt;
            case EXAM_CLOSED -> examEndAt;
            case SCORES_PUBLISHED -> scoresPublishAt;
            case CERTIFICATES_ISSUED -> certificatesIssueAt;
        };
    }

    /** The dates must follow the order of the milestones, and the pass mark must be reachable. */
    void checkConsistency() {
        List<String> problems = new ArrayList<>();
        Instant previous = null;
        for (Milestone m : Milestone.values()) {
            Instant due = dueAt(m);
            if (previous != null && due.isBefore(previous)) {
                problems.add(m.label() + "不能早于" + Milestone.values()[m.ordinal() - 1].label());
            }
            previous = due;
        }
        if (Duration.between(examStartAt, examEndAt).toMinutes() < durationMinutes) {
            problems.add("考试时段短于考试时长");
        }
        if (passMark > totalPoints) {
            problems.add("及格分不能高于总分");
        }
        if (!problems.isEmpty()) {
            throw BusinessException.invalid("SESSION_SETTINGS_INVALID", "考期设置有误：" + String.join("；", problems));
        }
    }

    void reschedule(java.util.Map<Milestone, Instant> dates, int durationMinutes, int totalPoints, int passMark,
            int requiredHours) {
        this.applicationsCloseAt = dates.get(Milestone.APPLICATIONS_CLOSED);
        this.materialsCloseAt = dates.get(Milestone.MATERIALS_CLOSED);
        this.hoursCutoffAt = dates.get(Milestone.HOURS_COUNTED);
        this.examStartAt = dates.get(Milestone.EXAM_OPENED);
        this.examEndAt = dates.get(Milestone.EXAM_CLOSED);
        this.scoresPublishAt = dates.get(Milestone.SCORES_PUBLISHED);
        this.certificatesIssueAt = dates.get(Milestone.CERTIFICATES_ISSUED);
        this.durationMinutes = durationMinutes;
        this.totalPoints = totalPoints;
        this.passMark = passMark;
        this.requiredHours = requiredHours;
    }

    void changeGrading(MultipleChoicePolicy policy, boolean doubleMarking, int markingThreshold) {
        this.multipleChoicePolicy = policy;
        this.doubleMarking = doubleMarking;
        this.markingThreshold = markingThreshold;
    }

    void changeExamSettings(boolean sequentialNavigation, String supportContact) {
        this.sequentialNavigation = sequentialNavigation;
        this.supportContact = supportContact;
    }

    void changeProctoringSettings(boolean identityCheckRequired, int evidenceRetentionDays) {
        this.identityCheckRequired = identityCheckRequired;
        this.evidenceRetentionDays = evidenceRetentionDays;
    }

    /** Candidates check in with a live face and their ID card before the answer page. */
    public boolean isIdentityCheckRequired() {
        return identityCheckRequired;
    }

    /** Days face images and snapshots of this session's sittings are kept after they are taken. */
    public int getEvidenceRetentionDays() {
        return evidenceRetentionDays;
    }

    int takeApplicationSeq() {
        return nextApplicationSeq++;
    }

    int takeCertificateSeq() {
        return nextCertificateSeq++;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isArchived() {
        return archived;
    }

    public Instant getApplicationsCloseAt() {
        return applicationsCloseAt;
    }

    public Instant getMaterialsCloseAt() {
        return materialsCloseAt;
    }

    public Instant getHoursCutoffAt() {
        return hoursCutoffAt;
    }

    public Instant getExamStartAt() {
        return examStartAt;
    }

    public Instant getExamEndAt() {
        return examEndAt;
    }

    public Instant getScoresPublishAt() {
        return scoresPublishAt;
    }

    public Instant getCertificatesIssueAt() {
        return certificatesIssueAt;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public int getTotalPoints() {
        return totalPoints;
    }

    public int getPassMark() {
        return passMark;
    }

    public int getRequiredHours() {
        return requiredHours;
    }

    public String getSupportContact() {
        return supportContact;
    }

    public MultipleChoicePolicy getMultipleChoicePolicy() {
        return multipleChoicePolicy;
    }

    /** Whether every short answer is marked twice, by two graders, and a third time when they differ too much. */
    public boolean isDoubleMarking() {
        return doubleMarking;
    }

    /** The largest difference between two markings that is settled by their average. */
    public int getMarkingThreshold() {
        return markingThreshold;
    }

    /** Whether candidates answer strictly in order (按顺序依次作答): an item opens once the ones before it are answered. */
    public boolean isSequentialNavigation() {
        return sequentialNavigation;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
