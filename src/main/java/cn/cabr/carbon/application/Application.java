package cn.cabr.carbon.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One candidate's application to one exam session; its number is the case's business key. */
@Entity
@Table(name = "application")
public class Application {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String applicationNumber;
    private Long candidateId;
    private Long sessionId;
    @Enumerated(EnumType.STRING)
    private ApplicationStatus status;
    @Enumerated(EnumType.STRING)
    private CaseOutcome outcome;
    private String closingReason;
    @Enumerated(EnumType.STRING)
    private Gender gender;
    private LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    private EducationLevel educationLevel;
    private String school;
    private LocalDate graduationDate;
    private String major;
    private boolean relatedMajor;
    private Integer relatedWorkYears;
    private String employer;
    @Column(name = "job_position")
    private String position;
    private String qualifications;
    private boolean institutionStaff;
    private boolean lawAbidingDeclared;
    @Enumerated(EnumType.STRING)
    private EligibilityClause claimedClause;
    private String supplementTypes;
    private Instant supplementRequestedAt;
    private Instant createdAt;
    private Instant submittedAt;
    private Instant closedAt;

    protected Application() {
    }

    Application(String applicationNumber, Long candidateId, Long sessionId, Instant now) {
        this.applicationNumber = applicationNumber;
        this.candidateId = candidateId;
        this.sessionId = sessionId;
        this.status = ApplicationStatus.DRAFT;
        this.createdAt = now;
    }

    void update(ApplicantDetails d) {
        this.gender = d.gender();
        this.birthDate = d.birthDate();
        this.educationLevel = d.educationLevel();
        this.school = trim(d.school());
        this.graduationDate = d.graduationDate();
        this.major = trim(d.major());
        this.relatedMajor = Boolean.TRUE.equals(d.relatedMajor());
        this.relatedWorkYears = d.relatedWorkYears();
        this.employer = trim(d.employer());
        this.position = trim(d.position());
        this.qualifications = trim(d.qualifications());
        this.institutionStaff = Boolean.TRUE.equals(d.institutionStaff());
        this.lawAbidingDeclared = Boolean.TRUE.equals(d.lawAbidingDeclared());
        this.claimedClause = d.claimedClause();
    }

    public ApplicantDetails details() {
        return new ApplicantDetails(gender, birthDate, educationLevel, school, graduationDate, major, relatedMajor,
                relatedWorkYears, employer, position, qualifications, institutionStaff, lawAbidingDeclared,
                claimedClause);
    }

    void markSubmitted(Instant now) {
        this.status = ApplicationStatus.SUBMITTED;
        if (submittedAt == null) {
            this.submittedAt = now;
        }
    }

    void markSupplementRequested(Set<DocumentType> types, Instant now) {
        this.status = ApplicationStatus.SUPPLEMENT_REQUESTED;
        this.supplementTypes = types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.supplementRequestedAt = now;
    }

    /** The documents the reviewer asked for in the latest supplement request. */
    public Set<DocumentType> getSupplementTypes() {
        if (supplementTypes == null || supplementTypes.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(supplementTypes.split(",")).map(DocumentType::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DocumentType.class)));
    }

    public Instant getSupplementRequestedAt() {
        return supplementRequestedAt;
    }

    void markApproved() {
        this.status = ApplicationStatus.APPROVED;
    }

    void close(CaseOutcome outcome, String reason, Instant now) {
        this.status = ApplicationStatus.CLOSED;
        this.outcome = outcome;
        this.closingReason = reason;
        this.closedAt = now;
    }

    public boolean isEditable() {
        return status == ApplicationStatus.DRAFT;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() {
        return id;
    }

    public String getApplicationNumber() {
        return applicationNumber;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public CaseOutcome getOutcome() {
        return outcome;
    }

    public String getClosingReason() {
        return closingReason;
    }

    public Gender getGender() {
        return gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public EducationLevel getEducationLevel() {
        return educationLevel;
    }

    public String getSchool() {
        return school;
    }

    public LocalDate getGraduationDate() {
        return graduationDate;
    }

    public String getMajor() {
        return major;
    }

    public boolean isRelatedMajor() {
        return relatedMajor;
    }

    public Integer getRelatedWorkYears() {
        return relatedWorkYears;
    }

    public String getEmployer() {
        return employer;
    }

    public String getPosition() {
        return position;
    }

    public String getQualifications() {
        return qualifications;
    }

    public boolean isInstitutionStaff() {
        return institutionStaff;
    }

    public EligibilityClause getClaimedClause() {
        return claimedClause;
    }

    public boolean isLawAbidingDeclared() {
        return lawAbidingDeclared;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
