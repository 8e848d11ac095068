package cn.cabr.carbon.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.storage.FileStorage;
import cn.cabr.carbon.storage.StoredFile;
import cn.cabr.carbon.storage.UploadInspector;

/**
 * Applications and their documents. Methods taking a candidate id load the application through a query scoped
 * to that candidate, so a candidate can never reach someone else's application by guessing a number or id.
 */
@Service
@Transactional
public class Applications {

    private final ApplicationRepository applications;
    private final ApplicationDocumentRepository documents;
    private final Candidates candidates;
    private final ExamSessions sessions;
    private final FileStorage storage;
    private final UploadInspector inspector;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;
    private final MaterialsDeadlineExtensionRepository extensions;
    private final AuditLog auditLog;

    Applications(ApplicationRepository applications, ApplicationDocumentRepository documents, Candidates candidates,
            ExamSessions sessions, FileStorage storage, UploadInspector inspector, ApplicationEventPublisher events,
            Clock clock, ZoneId businessZone, MaterialsDeadlineExtensionRepository extensions, AuditLog auditLog) {
        this.extensions = extensions;
        this.auditLog = auditLog;
        this.applications = applications;
        this.documents = documents;
        this.candidates = candidates;
        this.sessions = sessions;
        this.storage = storage;
        this.inspector = inspector;
        this.events = events;
        this.clock = clock;
        this.zone = businessZone;
    }

    // ---- the candidate's side ----

    public Application createDraft(long candidateId, String sessionCode, ApplicantDetails details) {
        ExamSession session = sessions.getByCode(sessionCode);
        requireApplicationsOpen(session);
        if (applications.existsByCandidateIdAndSessionId(candidateId, session.getId())) {
            throw BusinessException.conflict("APPLICATION_EXISTS", "您已报名" + session.getName() + "，不能重复报名");
        }
        Application application = new Application(sessions.nextApplicationNumber(session.getId()), candidateId,
                session.getId(), clock.instant());
        application.update(checkedAgainstIdCard(candidateId, details));
        return applications.save(application);
    }

    public Application updateDraft(long candidateId, String applicationNumber, ApplicantDetails details) {
        Application application = getOwned(candidateId, applicationNumber);
        if (!application.isEditable()) {
            throw BusinessException.conflict("APPLICATION_NOT_EDITABLE", "报名已提交，报名信息不能再修改");
        }
        application.update(checkedAgainstIdCard(candidateId, details));
        return application;
    }

    @Transactional(readOnly = true)
    public Application getOwned(long candidateId, String applicationNumber) {
        return applications.findByApplicationNumberAndCandidateId(applicationNumber, candidateId)
                .orElseThrow(() -> BusinessException.notFound("APPLICATION_NOT_FOUND", "报名记录不存在：" + applicationNumber));
    }

    @Transactional(readOnly = true)
    public List<Application> listOwned(long candidateId) {
        return applications.findByCandidateIdOrderByCreatedAtDesc(candidateId);
    }

    public ApplicationDocument upload(long candidateId, String applicationNumber, DocumentType type,
            String filename, byte[] content) {
        Application application = getOwned(candidateId, applicationNumber);
        ExamSession session = sessions.get(application.getSessionId());
        switch (application.getStatus()) {
            case DRAFT -> requireMaterialsOpen(session);
            case SUPPLEMENT_REQUESTED -> {
                requireSupplementOpen(session, application);
                if (!application.getSupplementTypes().contains(type)) {
                    throw BusinessException.conflict("DOCUMENT_NOT_REQUESTED", "审核员未要求补充“" + type.label()
                            + "”，请只上传要求补充的材料：" + labels(application.getSupplementTypes()));
                }
            }
            default -> throw BusinessException.conflict("APPLICATION_NOT_EDITABLE",
                    "报名当前状态为“" + application.getStatus().label() + "”，不能上传材料");
        }
        String contentType = inspector.inspect(content, type.acceptedContentTypes());
        if (!type.multiple()) {
            documents.findByApplicationIdAndDocumentTypeAndSupersededFalse(application.getId(), type)
                    .forEach(ApplicationDocument::supersede);
        }
        StoredFile stored = storage.store(content);
        return documents.save(new ApplicationDocument(application.getId(), type, safeFilename(filename), contentType,
                stored.size(), stored.sha256(), stored.key(), clock.instant()));
    }

    public void deleteDocument(long candidateId, String applicationNumber, long documentId) {
        Application application = getOwned(candidateId, applicationNumber);
        if (!application.isEditable()) {
            throw BusinessException.conflict("APPLICATION_NOT_EDITABLE", "报名已提交，材料不能删除，如需更正请等待审核员要求补充");
        }
        ApplicationDocument document = ownedDocument(candidateId, applicationNumber, documentId);
        documents.delete(document);
        String key = document.getStorageKey();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                storage.delete(key);
            }
        });
    }

    @Transactional(readOnly = true)
    public DocumentContent readOwnedDocument(long candidateId, String applicationNumber, long documentId) {
        return contentOf(ownedDocument(candidateId, applicationNumber, documentId));
    }

    @Transactional(readOnly = true)
    public List<ApplicationDocument> currentDocuments(long applicationId) {
        return documents.findByApplicationIdAndSupersededFalseOrderByUploadedAtAsc(applicationId).stream()
                .sorted(Comparator.comparing(ApplicationDocument::getDocumentType))
                .toList();
    }

    public Application submit(long candidateId, String applicationNumber) {
        Application application = getOwned(candidateId, applicationNumber);
        if (application.getStatus() != ApplicationStatus.DRAFT) {
            throw BusinessException.conflict("APPLICATION_ALREADY_SUBMITTED", "报名已提交，无需重复提交");
        }
        requireApplicationsOpen(sessions.get(application.getSessionId()));
        List<String> missing = missingForSubmission(application);
        if (!missing.isEmpty()) {
            throw BusinessException.invalid("APPLICATION_INCOMPLETE", "报名信息不完整，请补全：" + String.join("、", missing));
        }
        application.markSubmitted(clock.instant());
        events.publishEvent(new ApplicationSubmitted(application.getId(), application.getApplicationNumber(),
                candidateId, application.getSessionId()));
        return application;
    }

    public Application resubmit(long candidateId, String applicationNumber) {
        Application application = getOwned(candidateId, applicationNumber);
        if (application.getStatus() != ApplicationStatus.SUPPLEMENT_REQUESTED) {
            throw BusinessException.conflict("NO_SUPPLEMENT_REQUESTED", "当前没有需要补充的材料");
        }
        requireSupplementOpen(sessions.get(application.getSessionId()), application);
        Set<DocumentType> stillMissing = EnumSet.noneOf(DocumentType.class);
        for (DocumentType type : application.getSupplementTypes()) {
            boolean resupplied = documents.findByApplicationIdAndDocumentTypeAndSupersededFalse(application.getId(), type)
                    .stream().anyMatch(d -> d.getUploadedAt().isAfter(application.getSupplementRequestedAt()));
            if (!resupplied) {
                stillMissing.add(type);
            }
        }
        if (!stillMissing.isEmpty()) {
            throw BusinessException.invalid("SUPPLEMENT_INCOMPLETE", "请先重新上传要求补充的材料：" + labels(stillMissing));
        }
        application.markSubmitted(clock.instant());
        events.publishEvent(new SupplementSubmitted(application.getId(), application.getApplicationNumber()));
        return application;
    }

    // ---- staff and process side ----

    @Transactional(readOnly = true)
    public Application get(long applicationId) {
        return applications.findById(applicationId)
                .orElseThrow(() -> BusinessException.notFound("APPLICATION_NOT_FOUND", "报名记录不存在：" + applicationId));
    }

    @Transactional(readOnly = true)
    public Application getByNumber(String applicationNumber) {
        return applications.findByApplicationNumber(applicationNumber)
                .orElseThrow(() -> BusinessException.notFound("APPLICATION_NOT_FOUND", "报名记录不存在：" + applicationNumber));
    }

    /** For staff viewers, which check the staff role before they call this. */
    @Transactional(readOnly = true)
    public DocumentContent readDocument(long documentId) {
        return contentOf(documents.findById(documentId)
                .orElseThrow(() -> BusinessException.notFound("DOCUMENT_NOT_FOUND", "文件不存在")));
    }

    @Transactional(readOnly = true)
    public ApplicationDocument getDocument(long documentId) {
        return documents.findById(documentId)
                .orElseThrow(() -> BusinessException.notFound("DOCUMENT_NOT_FOUND", "文件不存在"));
    }

    public void requestSupplement(long applicationId, Set<DocumentType> types) {
        get(applicationId).markSupplementRequested(types, clock.instant());
    }

    public void approve(long applicationId) {
        get(applicationId).markApproved();
    }

    public Application close(long applicationId, CaseOutcome outcome, String reason) {
        Application application = get(applicationId);
        application.close(outcome, reason, clock.instant());
        return application;
    }

    // ---- rules ----

    private ApplicantDetails checkedAgainstIdCard(long candidateId, ApplicantDetails details) {
        IdCardNumber idCard = IdCardNumber.fromStored(candidates.get(candidateId).getIdNumber());
        if (details.birthDate() != null && !details.birthDate().equals(idCard.birthDate())) {
            throw BusinessException.invalid("BIRTH_DATE_MISMATCH", "出生日期与身份证号码不一致");
        }
        if (details.gender() != null && details.gender() != idCard.gender()) {
            throw BusinessException.invalid("GENDER_MISMATCH", "性别与身份证号码不一致");
        }
        if (details.graduationDate() != null && details.graduationDate().isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw BusinessException.invalid("GRADUATION_DATE_IN_FUTURE", "毕业时间不能晚于今天");
        }
        return new ApplicantDetails(idCard.gender(), idCard.birthDate(), details.educationLevel(), details.school(),
                details.graduationDate(), details.major(), details.relatedMajor(), details.relatedWorkYears(),
                details.employer(), details.position(), details.qualifications(), details.institutionStaff(),
                details.lawAbidingDeclared(), details.claimedClause());
    }

    /** What the application still lacks before it can be submitted, in the words shown to the candidate. */
    @Transactional(readOnly = true)
    public List<String> missingForSubmission(Application a) {
        List<String> missing = new ArrayList<>();
        if (a.getEducationLevel() == null) {
            missing.add("最高学历");
        }
        if (a.getSchool() == null) {
            missing.add("毕业院校");
        }
        if (a.getGraduationDate() == null) {
            missing.add("毕业时间");
        }
        if (a.getMajor() == null) {
            missing.add("所学专业");
        }
        if (a.getRelatedWorkYears() == null) {
            missing.add("从事相关工作年限");
        }
        boolean working = isWorking(a);
        if (working && a.getEmployer() == null) {
            missing.add("工作单位");
        }
        if (a.getClaimedClause() == null) {
            missing.add("申请适用的报考条件");
        }
        if (!a.isLawAbidingDeclared()) {
            missing.add("遵守国家法律法规的承诺");
        }
        Set<DocumentType> present = currentDocuments(a.getId()).stream().map(ApplicationDocument::getDocumentType)
                .collect(Collectors.toSet());
        for (DocumentType type : requiredDocuments(a)) {
            if (!present.contains(type)) {
                missing.add(type.label());
            }
        }
        return missing;
    }

    private static boolean isWorking(Application a) {
        return a.getRelatedWorkYears() != null && a.getRelatedWorkYears() > 0 || a.isInstitutionStaff();
    }

    /** The materials this application must include, given its education and work so far. */
    public static Set<DocumentType> requiredDocuments(Application a) {
        Set<DocumentType> required = EnumSet.noneOf(DocumentType.class);
        for (DocumentType type : DocumentType.values()) {
            if (type.alwaysRequired()) {
                required.add(type);
            }
        }
        EducationLevel level = a.getEducationLevel();
        if (level != null && level.compareTo(EducationLevel.BACHELOR) >= 0) {
            required.add(DocumentType.DEGREE_CERTIFICATE);
        }
        if (isWorking(a)) {
            required.add(DocumentType.EMPLOYMENT_PROOF);
        }
        return required;
    }

    private void requireApplicationsOpen(ExamSession session) {
        if (session.isArchived() || sessions.hasPassed(session, Milestone.APPLICATIONS_CLOSED)) {
            throw BusinessException.conflict("APPLICATIONS_CLOSED", session.getName() + "报名已截止");
        }
    }

    /**
     * For staff searches: the application numbers of a case by its number, or of every case of the candidates with
     * this mobile number or whose name contains this text.
     */
    @Transactional(readOnly = true)
    public List<String> numbersOfCandidate(String numberMobileOrName) {
        if (numberMobileOrName == null || numberMobileOrName.isBlank()) {
            return List.of();
        }
        return applications.numbersOfCandidate(numberMobileOrName.strip());
    }

    /** The candidates' full names by application number (for lists, which show them masked). */
    @Transactional(readOnly = true)
    public Map<String, String> candidateNames(Collection<String> applicationNumbers) {
        if (applicationNumbers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        applications.candidateNames(applicationNumbers).forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    private void requireMaterialsOpen(ExamSession session) {
        if (session.isArchived() || sessions.hasPassed(session, Milestone.MATERIALS_CLOSED)) {
            throw BusinessException.conflict("MATERIALS_CLOSED", session.getName() + "提交报名材料已截止");
        }
    }

    /** A supplement may come until the session's materials deadline, or this candidate's extended one. */
    private void requireSupplementOpen(ExamSession session, Application application) {
        if (!session.isArchived() && openExtension(application.getId()).isPresent()) {
            return;
        }
        requireMaterialsOpen(session);
    }

    private Optional<MaterialsDeadlineExtension> openExtension(long applicationId) {
        Instant now = clock.instant();
        return extensions.findById(applicationId)
                .filter(e -> e.getClosedAt() == null && e.getDeadline().isAfter(now));
    }

    // ---- materials deadlines extended for one candidate ----

    static final int MAX_REASON_LENGTH = 500;

    /** The applications of a session, by number: for managers' lists and exports. */
    @Transactional(readOnly = true)
    public List<Application> ofSession(long sessionId) {
        return applications.findBySessionIdOrderByApplicationNumber(sessionId);
    }

    /** When this candidate's supplement is due: the session's materials deadline, or a later one a manager granted. */
    @Transactional(readOnly = true)
    public Instant materialsDeadline(Application application) {
        Instant sessionDeadline = sessions.get(application.getSessionId()).getMaterialsCloseAt();
        return extensions.findById(application.getId()).map(MaterialsDeadlineExtension::getDeadline)
                .filter(d -> d.isAfter(sessionDeadline)).orElse(sessionDeadline);
    }

    @Transactional(readOnly = true)
    public Optional<MaterialsDeadlineExtension> materialsExtension(long applicationId) {
        return extensions.findById(applicationId);
    }

    /**
     * Gives one candidate who was asked to supplement their materials a later deadline (a manager's decision with a
     * reason, audited). The new deadline must lie ahead, after the current one, and no later than the session's
     * training-hours cutoff, after which cases move on to the exam.
     */
    public MaterialsDeadlineExtension extendMaterialsDeadline(String applicationNumber, Instant deadline, String actor,
            String reason) {
        Application application = applications.findByApplicationNumber(applicationNumber == null ? "" : applicationNumber.strip())
                .orElseThrow(() -> BusinessException.notFound("APPLICATION_NOT_FOUND", "报名记录不存在：" + applicationNumber));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON_LENGTH) {
            throw BusinessException.invalid("REASON_REQUIRED", "请填写延长期限的理由（不超过 " + MAX_REASON_LENGTH + " 字）");
        }
        if (deadline == null) {
            throw BusinessException.invalid("DEADLINE_REQUIRED", "请填写新的补充材料截止时间");
        }
        if (application.getStatus() != ApplicationStatus.SUPPLEMENT_REQUESTED) {
            throw BusinessException.conflict("NO_SUPPLEMENT_REQUESTED", application.getApplicationNumber()
                    + " 当前不在“需补充材料”状态（" + application.getStatus().label() + "），无需延长补充材料期限");
        }
        ExamSession session = sessions.get(application.getSessionId());
        if (session.isArchived()) {
            throw BusinessException.conflict("SESSION_ARCHIVED", session.getName() + "已归档");
        }
        Instant now = clock.instant();
        Instant current = materialsDeadline(application);
        if (current.isBefore(now) && openExtension(application.getId()).isEmpty()
                && sessions.isReachedReadOnly(session.getId(), Milestone.MATERIALS_CLOSED)) {
            throw BusinessException.conflict("MATERIALS_ALREADY_CLOSED", "补充材料已截止，该报名已关闭，不能再延长");
        }
        if (!deadline.isAfter(now) || !deadline.isAfter(current)) {
            throw BusinessException.invalid("DEADLINE_NOT_LATER", "新的截止时间须晚于当前时间和原截止时间（"
                    + cn.cabr.carbon.shared.Dates.dateTime(current, zone) + "）");
        }
        if (deadline.isAfter(session.getHoursCutoffAt())) {
            throw BusinessException.invalid("DEADLINE_TOO_LATE", "新的截止时间不能晚于考前学时统计截止（"
                    + cn.cabr.carbon.shared.Dates.dateTime(session.getHoursCutoffAt(), zone) + "）");
        }
        MaterialsDeadlineExtension extension = extensions.findById(application.getId())
                .orElseGet(() -> new MaterialsDeadlineExtension(application.getId()));
        extension.extend(deadline, actor, now, why);
        extensions.save(extension);
        auditLog.record(AuditAction.MATERIALS_DEADLINE_EXTENDED, actor, application.getApplicationNumber(),
                session.getCode(), "补充材料截止时间由 " + cn.cabr.carbon.shared.Dates.dateTime(current, zone) + " 延长至 "
                        + cn.cabr.carbon.shared.Dates.dateTime(deadline, zone), why);
        return extension;
    }

    /** Application numbers of a session whose extended materials deadline has not passed yet. */
    @Transactional(readOnly = true)
    public List<String> openMaterialsExtensions(long sessionId) {
        return extensions.openApplicationNumbers(sessionId, clock.instant());
    }

    /** Extensions whose deadline passed and whose case has not been closed for it yet, with their numbers. */
    @Transactional(readOnly = true)
    public List<Application> materialsExtensionsDue() {
        return extensions.findByClosedAtIsNullAndDeadlineLessThanEqual(clock.instant()).stream()
                .map(e -> get(e.getApplicationId())).toList();
    }

    /** The extended deadline of this application passed and its case was told. */
    public void materialsExtensionExpired(long applicationId) {
        extensions.findById(applicationId).ifPresent(e -> e.closed(clock.instant()));
    }

    private ApplicationDocument ownedDocument(long candidateId, String applicationNumber, long documentId) {
        return documents.findOwned(documentId, applicationNumber, candidateId)
                .orElseThrow(() -> BusinessException.notFound("DOCUMENT_NOT_FOUND", "文件不存在或不属于您的报名"));
    }

    private DocumentContent contentOf(ApplicationDocument document) {
        return new DocumentContent(document.getOriginalFilename(), document.getContentType(),
                storage.read(document.getStorageKey(), document.getSha256()));
    }

    private static String labels(Set<DocumentType> types) {
        return types.stream().map(DocumentType::label).collect(Collectors.joining("、"));
    }

    private static String safeFilename(String filename) {
        if (filename == null || filename.isBlank()) {
            return "upload";
        }
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
