package cn.cabr.carbon.exam;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.exam.RescueReport.Line;
import cn.cabr.carbon.exam.RescueReport.Outcome;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.Dates;

/**
 * Imports a rescue file into its sitting, for a manager: the file must decrypt with that sitting's key (so it was
 * made by that sitting's exam page and not changed since), each answer in it is applied under the same rule as a
 * save (only a higher client sequence changes an answer) and only if it was made before the sitting's end, by the
 * candidate's clock. Objective answers changed after the end are graded again; the import is audited and refused
 * once marking has begun or the result exists.
 */
@Service
@Transactional
public class Rescues {

    private final SittingRepository sittings;
    private final SittingItemRepository items;
    private final AnswerRepository answers;
    private final MarkingRepository markings;
    private final RescueImportRepository imports;
    private final QuestionBank bank;
    private final Applications applications;
    private final ExamSessions sessions;
    private final RescueKeys keys;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final AuditLog auditLog;

    Rescues(SittingRepository sittings, SittingItemRepository items, AnswerRepository answers, MarkingRepository markings,
            RescueImportRepository imports, QuestionBank bank, Applications applications, ExamSessions sessions,
            RescueKeys keys, ApplicationEventPublisher events, EntityManager entityManager, ObjectMapper json,
            Clock clock, ZoneId businessZone, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.sittings = sittings;
        this.items = items;
        this.answers = answers;
        this.markings = markings;
        this.imports = imports;
        this.bank = bank;
        this.applications = applications;
        this.sessions = sessions;
        this.keys = keys;
        this.events = events;
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
        this.zone = businessZone;
    }

    public RescueReport importFile(String applicationNumber, byte[] file, String manager) {
        if (file == null || file.length == 0) {
            throw BusinessException.invalid("RESCUE_FILE_EMPTY", "请选择要导入的救援文件（上传的文件为空）");
        }
        RescueFile.Envelope envelope = RescueFile.envelope(file, json);
        Application application = applications.getByNumber(applicationNumber);
        if (!envelope.applicationNumber().equals(applicationNumber)) {
            throw otherSitting(envelope.applicationNumber(), applicationNumber);
        }
        Sitting sitting = lock(sittings.findByApplicationId(application.getId())
                .orElseThrow(() -> BusinessException.conflict("NO_SITTING", "该考生的考试尚未开放，没有可导入的答题记录")).getId());
        RescueFile.Content content = RescueFile.open(envelope, keys.key(sitting.getId(), applicationNumber), json);
        if (!applicationNumber.equals(content.applicationNumber()) || !sitting.getId().equals(content.sittingId())) {
            throw otherSitting(content.applicationNumber(), applicationNumber);
        }
        String sha256 = sha256(file);
        imports.findBySittingIdAndFileSha256(sitting.getId(), sha256).ifPresent(earlier -> {
            throw BusinessException.conflict("RESCUE_ALREADY_IMPORTED", "该救援文件已于 "
                    + Dates.dateTime(earlier.getImportedAt(), zone) + " 由 " + earlier.getImportedBy() + " 导入，不能重复导入");
        });
        if (sitting.getStatus() == SittingStatus.READY || sitting.getStatus() == SittingStatus.ABSENT) {
            throw BusinessException.conflict("RESCUE_NOTHING_TO_RESCUE", "该考生没有开始作答（" + sitting.getStatus().label()
                    + "），没有可恢复的答案");
        }
        if (markings.existsForSitting(sitting.getId())) {
            throw BusinessException.conflict("RESCUE_TOO_LATE", "该场考试的简答题已开始阅卷，不能再导入救援文件");
        }

        Instant now = clock.instant();
        Instant cutoff = cutoff(sitting, now);
        var policy = sessions.get(sitting.getSessionId()).getMultipleChoicePolicy();
        List<Line> applied = new ArrayList<>();
        List<Line> notApplied = new ArrayList<>();
        List<Long> changedShortAnswers = new ArrayList<>();
        List<RescueFile.Answer> inOrder = content.answersOrEmpty().stream()
                .sorted(Comparator.comparing(a -> a.clientSequence() == null ? 0L : a.clientSequence())).toList();
        for (RescueFile.Answer rescued : inOrder) {
            Line line = apply(sitting, rescued, cutoff, now, policy, changedShortAnswers);
            (line.outcome() == Outcome.APPLIED ? applied : notApplied).add(line);
        }

        List<SittingRescued.RescuedEvent> rescuedEvents = content.eventsOrEmpty().stream()
                .map(e -> new SittingRescued.RescuedEvent(e.type(), e.detail(), e.occurredAt())).toList();
        SittingRescued rescue = new SittingRescued(sitting.getId(), application.getId(), applicationNumber,
                sitting.getStatus().ended(), changedShortAnswers, rescuedEvents);
        events.publishEvent(rescue);

        String summary = summary(inOrder.size(), applied, notApplied, rescuedEvents.size(), rescue.eventsRecorded());
        imports.save(new RescueImport(sitting.getId(), sha256, content.createdAt(), manager, now, inOrder.size(),
                applied.size(), rescue.eventsRecorded(), summary));
        auditLog.record(AuditAction.SITTING_RESCUED, manager, applicationNumber,
                sessions.get(sitting.getSessionId()).getCode(),
                "导入报名 " + applicationNumber + " 的考试救援文件：" + summary, null);
        return new RescueReport(applicationNumber, sitting.getStatus().name(), sitting.getStatus().label(), manager, now,
                content.createdAt(), inOrder.size(), applied, notApplied, rescuedEvents.size(), rescue.eventsRecorded(),
                summary);
    }

    @Transactional(readOnly = true)
    public List<RescueImport> importsOf(String applicationNumber) {
        Application application = applications.getByNumber(applicationNumber);
        return sittings.findByApplicationId(application.getId())
                .map(s -> imports.findBySittingIdOrderByImportedAt(s.getId())).orElse(List.of());
    }

    /** An answer counts if made before the deadline (with the saves' grace) and before the sitting ended. */
    private static Instant cutoff(Sitting sitting, Instant now) {
        Instant deadline = sitting.getDeadline().plus(ExamDelivery.SAVE_GRACE);
        Instant end = sitting.getEndedAt() != null ? sitting.getEndedAt() : now;
        return end.isBefore(deadline) ? end : deadline;
    }

    private Line apply(Sitting sitting, RescueFile.Answer rescued, Instant cutoff, Instant now,
            cn.cabr.carbon.session.MultipleChoicePolicy policy, List<Long> changedShortAnswers) {
        boolean flagged = Boolean.TRUE.equals(rescued.flagged());
        if (rescued.position() == null || rescued.clientSequence() == null || rescued.clientSequence() < 1) {
            return new Line(rescued.position(), rescued.response(), flagged, rescued.clientSequence(), Outcome.INVALID,
                    "缺少题号或保存序号");
        }
        int position = rescued.position();
        if (rescued.changedAt() == null || rescued.changedAt().isAfter(cutoff)) {
            return new Line(position, rescued.response(), flagged, rescued.clientSequence(), Outcome.LATE,
                    "作答时间" + (rescued.changedAt() == null ? "缺失" : " " + Dates.dateTime(rescued.changedAt(), zone))
                            + "，晚于考试结束时间 " + Dates.dateTime(cutoff, zone));
        }
        List<Object[]> found = items.itemWithAnswer(sitting.getId(), position);
        if (found.isEmpty()) {
            return new Line(position, rescued.response(), flagged, rescued.clientSequence(), Outcome.NO_SUCH_ITEM,
                    "试卷中没有第 " + position + " 题");
        }
        SittingItem item = (SittingItem) found.get(0)[0];
        Question question = bank.version(item.getQuestionId());
        String own;
        try {
            own = Responses.normalize(item, question, rescued.response());
        } catch (BusinessException e) {
            return new Line(position, rescued.response(), flagged, rescued.clientSequence(), Outcome.INVALID, e.getMessage());
        }
        Answer answer = found.get(0)[1] != null ? (Answer) found.get(0)[1] : answers.save(new Answer(sitting.getId(), item));
        long held = answer.getClientSequence();
        Answer.SaveOutcome outcome = answer.save(own, rescued.flagged() != null ? flagged : answer.isFlagged(),
                rescued.clientSequence(), now);
        String shown = item.toShown(question, answer.getResponse());
        return switch (outcome) {
            case APPLIED -> {
                if (sitting.getStatus().ended()) {
                    if (question.getQuestionType().autoGraded()) {
                        answer.grade(Responses.autoScore(answer.getItem(), answer.getResponse(), policy), "system", now);
                    } else {
                        changedShortAnswers.add(answer.getId());
                    }
                }
                yield new Line(position, shown, answer.isFlagged(), rescued.clientSequence(), Outcome.APPLIED, "已更新为文件中的答案");
            }
            case DUPLICATE -> new Line(position, shown, answer.isFlagged(), rescued.clientSequence(), Outcome.DUPLICATE,
                    "服务器上已是这份答案（同一保存序号），无需更新");
            case STALE -> new Line(position, shown, answer.isFlagged(), rescued.clientSequence(), Outcome.STALE,
                    "服务器上的答案更新（保存序号 " + held + "，文件中为 " + rescued.clientSequence() + "），保留服务器上的答案");
        };
    }

    private static String summary(int inFile, List<Line> applied, List<Line> notApplied, int eventsInFile, int eventsRecorded) {
        Map<Outcome, Long> counts = new TreeMap<>(notApplied.stream().collect(Collectors.groupingBy(Line::outcome, Collectors.counting())));
        String positions = applied.stream().map(l -> String.valueOf(l.position())).collect(Collectors.joining("、"));
        return "救援文件含答案 " + inFile + " 条：更新 " + applied.size() + " 题" + (applied.isEmpty() ? "" : "（第 " + positions + " 题）")
                + "，未更新 " + notApplied.size() + " 条" + (counts.isEmpty() ? "" : "（" + counts.entrySet().stream()
                        .map(e -> label(e.getKey()) + " " + e.getValue()).collect(Collectors.joining("，")) + "）")
                + "；监考事件 " + eventsInFile + " 条，记录 " + eventsRecorded + " 条";
    }

    private static String label(Outcome outcome) {
        return switch (outcome) {
            case APPLIED -> "已更新";
            case STALE -> "服务器上更新";
            case DUPLICATE -> "相同";
            case LATE -> "晚于结束时间";
            case INVALID -> "无效";
            case NO_SUCH_ITEM -> "题号不存在";
        };
    }

    private static BusinessException otherSitting(String fileNumber, String target) {
        return BusinessException.invalid("RESCUE_FILE_OTHER_SITTING", "该救援文件属于报名编号 " + fileNumber
                + " 的考试，不能导入报名编号 " + target + " 的考试；未导入任何答案");
    }

    private Sitting lock(long sittingId) {
        Sitting sitting = entityManager.find(Sitting.class, sittingId, LockModeType.PESSIMISTIC_WRITE);
        if (sitting == null) {
            throw BusinessException.notFound("SITTING_NOT_FOUND", "考试记录不存在");
        }
        return sitting;
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
