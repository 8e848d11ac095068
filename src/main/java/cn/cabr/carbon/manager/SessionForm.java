package cn.cabr.carbon.manager;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.Errors;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.session.MultipleChoicePolicy;
import cn.cabr.carbon.session.SessionDefinition;

/**
 * The session form as typed: every value kept as text, so a wrong value comes back to the manager as entered,
 * with a Chinese message beside its field. Dates are Beijing time from {@code datetime-local} inputs.
 */
public class SessionForm {

    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** The date fields in milestone order, with their labels. */
    static final Map<String, Milestone> DATE_FIELDS = new LinkedHashMap<>();
    static {
        DATE_FIELDS.put("applicationsCloseAt", Milestone.APPLICATIONS_CLOSED);
        DATE_FIELDS.put("materialsCloseAt", Milestone.MATERIALS_CLOSED);
        DATE_FIELDS.put("hoursCutoffAt", Milestone.HOURS_COUNTED);
        DATE_FIELDS.put("examStartAt", Milestone.EXAM_OPENED);
        DATE_FIELDS.put("examEndAt", Milestone.EXAM_CLOSED);
        DATE_FIELDS.put("scoresPublishAt", Milestone.SCORES_PUBLISHED);
        DATE_FIELDS.put("certificatesIssueAt", Milestone.CERTIFICATES_ISSUED);
    }

    private String code = "";
    private String name = "";
    private String applicationsCloseAt = "";
    private String materialsCloseAt = "";
    private String hoursCutoffAt = "";
    private String examStartAt = "";
    private String examEndAt = "";
    private String scoresPublishAt = "";
    private String certificatesIssueAt = "";
    private String durationMinutes = "120";
    private String totalPoints = "150";
    private String passMark = "90";
    private String requiredHours = "36";
    private String supportContact = "测评系统客服电话 400-650-6886";
    private String multipleChoicePolicy = MultipleChoicePolicy.ALL_OR_NOTHING.name();
    private boolean doubleMarking;
    private String markingThreshold = "3";
    private boolean sequentialNavigation;
    private boolean identityCheckRequired;
    private String evidenceRetentionDays = String.valueOf(ExamSession.DEFAULT_EVIDENCE_RETENTION_DAYS);

    /** The editable settings of an existing session, as its form shows them. */
    static SessionForm of(ExamSession s, ZoneId zone) {
        SessionForm f = new SessionForm();
        f.code = s.getCode();
        f.name = s.getName();
        f.applicationsCloseAt = format(s.getApplicationsCloseAt(), zone);
        f.materialsCloseAt = format(s.getMaterialsCloseAt(), zone);
        f.hoursCutoffAt = format(s.getHoursCutoffAt(), zone);
        f.examStartAt = format(s.getExamStartAt(), zone);
        f.examEndAt = format(s.getExamEndAt(), zone);
        f.scoresPublishAt = format(s.getScoresPublishAt(), zone);
        f.certificatesIssueAt = format(s.getCertificatesIssueAt(), zone);
        f.durationMinutes = String.valueOf(s.getDurationMinutes());
        f.totalPoints = String.valueOf(s.getTotalPoints());
        f.passMark = String.valueOf(s.getPassMark());
        f.requiredHours = String.valueOf(s.getRequiredHours());
        f.supportContact = s.getSupportContact();
        f.multipleChoicePolicy = s.getMultipleChoicePolicy().name();
        f.doubleMarking = s.isDoubleMarking();
        f.markingThreshold = String.valueOf(s.getMarkingThreshold());
        f.sequentialNavigation = s.isSequentialNavigation();
        f.identityCheckRequired = s.isIdentityCheckRequired();
        f.evidenceRetentionDays = String.valueOf(s.getEvidenceRetentionDays());
        return f;
    }

    /** A new session's form with dates proposed from now (a month ahead, the notice's spacing). */
    static SessionForm proposed(Instant now, ZoneId zone) {
        SessionForm f = new SessionForm();
        Instant base = now.truncatedTo(ChronoUnit.HOURS);
        f.applicationsCloseAt = format(base.plus(30, ChronoUnit.DAYS), zone);
        f.materialsCloseAt = format(base.plus(33, ChronoUnit.DAYS), zone);
        f.hoursCutoffAt = format(base.plus(36, ChronoUnit.DAYS), zone);
        f.examStartAt = format(base.plus(40, ChronoUnit.DAYS), zone);
        f.examEndAt = format(base.plus(40, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS), zone);
        f.scoresPublishAt = format(base.plus(55, ChronoUnit.DAYS), zone);
        f.certificatesIssueAt = format(base.plus(70, ChronoUnit.DAYS), zone);
        return f;
    }

    /**
     * The session definition, or null with field errors (Chinese) recorded: each value's own rule first, then the
     * rules between values (dates in milestone order, exam window, pass mark). The service checks again.
     */
    SessionDefinition toDefinition(ZoneId zone, Errors errors) {
        String c = code.strip();
        if (!c.matches("[A-Za-z0-9-]{2,32}")) {
            errors.rejectValue("code", "invalid", "考期编号只能包含字母、数字和连字符，2 到 32 位");
        }
        String n = name.strip();
        if (n.isEmpty() || n.length() > 100) {
            errors.rejectValue("name", "invalid", "请填写考期名称（不超过 100 字）");
        }
        Map<String, Instant> dates = new LinkedHashMap<>();
        DATE_FIELDS.forEach((field, milestone) -> {
            Instant value = parseDate(field, valueOf(field), milestone, zone, errors);
            if (value != null) {
                dates.put(field, value);
            }
        });
        checkOrder(dates, errors);
        Integer duration = number("durationMinutes", durationMinutes, 10, 600, "考试时长（分钟）", errors);
        Integer total = number("totalPoints", totalPoints, 1, 1000, "总分", errors);
        Integer pass = number("passMark", passMark, 1, 1000, "及格分", errors);
        Integer hours = number("requiredHours", requiredHours, 0, 500, "考前培训学时要求", errors);
        Integer threshold = number("markingThreshold", markingThreshold, 0, 100, "双评分差阈值", errors);
        number("evidenceRetentionDays", evidenceRetentionDays, 1, 3650, "监考证据保存天数", errors);
        if (pass != null && total != null && pass > total) {
            errors.rejectValue("passMark", "range", "及格分不能高于总分（" + total + " 分）");
        }
        Instant start = dates.get("examStartAt");
        Instant end = dates.get("examEndAt");
        if (start != null && end != null && duration != null && !end.isBefore(start)
                && ChronoUnit.MINUTES.between(start, end) < duration) {
            errors.rejectValue("examEndAt", "window", "考试时段（开始至结束）短于考试时长 " + duration + " 分钟");
        }
        String contact = supportContact.strip();
        if (contact.isEmpty() || contact.length() > 100) {
            errors.rejectValue("supportContact", "invalid", "请填写考试技术支持联系方式（如客服电话），不超过 100 个字");
        }
        MultipleChoicePolicy policy = policy(errors);
        if (errors.hasErrors()) {
            return null;
        }
        return new SessionDefinition(c, n, dates.get("applicationsCloseAt"), dates.get("materialsCloseAt"),
                dates.get("hoursCutoffAt"), start, end, dates.get("scoresPublishAt"), dates.get("certificatesIssueAt"),
                duration, total, pass, hours, contact, policy, doubleMarking, threshold);
    }

    /**
     * The settings of an existing session that may still change; null with field errors when one is wrong. Dates
     * not sent (a reached milestone's input is disabled) keep the session's value.
     */
    Settings toSettings(ExamSession session, ZoneId zone, Errors errors) {
        Map<Milestone, Instant> dates = new java.util.EnumMap<>(Milestone.class);
        Map<String, Instant> byField = new LinkedHashMap<>();
        DATE_FIELDS.forEach((field, milestone) -> {
            String text = valueOf(field);
            Instant value = text == null || text.isBlank() ? session.dueAt(milestone)
                    : parseDate(field, text, milestone, zone, errors);
            if (value != null) {
                byField.put(field, value);
                if (!value.equals(session.dueAt(milestone))) {
                    dates.put(milestone, value);
                }
            }
        });
        checkOrder(byField, errors);
        Integer duration = number("durationMinutes", durationMinutes, 10, 600, "考试时长（分钟）", errors);
        Integer total = number("totalPoints", totalPoints, 1, 1000, "总分", errors);
        Integer pass = number("passMark", passMark, 1, 1000, "及格分", errors);
        Integer hours = number("requiredHours", requiredHours, 0, 500, "考前培训学时要求", errors);
        if (pass != null && total != null && pass > total) {
            errors.rejectValue("passMark", "range", "及格分不能高于总分（" + total + " 分）");
        }
        Instant start = byField.get("examStartAt");
        Instant end = byField.get("examEndAt");
        if (start != null && end != null && duration != null && !end.isBefore(start)
                && ChronoUnit.MINUTES.between(start, end) < duration) {
            errors.rejectValue("examEndAt", "window", "考试时段（开始至结束）短于考试时长 " + duration + " 分钟");
        }
        Integer threshold = number("markingThreshold", markingThreshold, 0, 100, "双评分差阈值", errors);
        Integer days = number("evidenceRetentionDays", evidenceRetentionDays, 1, 3650, "监考证据保存天数", errors);
        String contact = supportContact.strip();
        if (contact.isEmpty() || contact.length() > 100) {
            errors.rejectValue("supportContact", "invalid", "请填写考试技术支持联系方式（如客服电话），不超过 100 个字");
        }
        MultipleChoicePolicy policy = policy(errors);
        if (errors.hasErrors()) {
            return null;
        }
        return new Settings(new ExamSessions.Schedule(dates, duration, total, pass, hours), contact,
                sequentialNavigation, policy, doubleMarking, threshold, identityCheckRequired, days);
    }

    /** Shows the session's own dates where the form sent none (disabled inputs of reached milestones). */
    void fillMissingDates(ExamSession session, ZoneId zone) {
        if (applicationsCloseAt == null || applicationsCloseAt.isBlank()) applicationsCloseAt = format(session.getApplicationsCloseAt(), zone);
        if (materialsCloseAt == null || materialsCloseAt.isBlank()) materialsCloseAt = format(session.getMaterialsCloseAt(), zone);
        if (hoursCutoffAt == null || hoursCutoffAt.isBlank()) hoursCutoffAt = format(session.getHoursCutoffAt(), zone);
        if (examStartAt == null || examStartAt.isBlank()) examStartAt = format(session.getExamStartAt(), zone);
        if (examEndAt == null || examEndAt.isBlank()) examEndAt = format(session.getExamEndAt(), zone);
        if (scoresPublishAt == null || scoresPublishAt.isBlank()) scoresPublishAt = format(session.getScoresPublishAt(), zone);
        if (certificatesIssueAt == null || certificatesIssueAt.isBlank()) certificatesIssueAt = format(session.getCertificatesIssueAt(), zone);
    }

    private static void checkOrder(Map<String, Instant> dates, Errors errors) {
        Instant previous = null;
        String previousField = null;
        for (Map.Entry<String, Milestone> e : DATE_FIELDS.entrySet()) {
            Instant due = dates.get(e.getKey());
            if (due == null) {
                previous = null;
                continue;
            }
            if (previous != null && due.isBefore(previous)) {
                errors.rejectValue(e.getKey(), "order", e.getValue().label() + "不能早于"
                        + DATE_FIELDS.get(previousField).label());
            }
            previous = due;
            previousField = e.getKey();
        }
    }

    record Settings(ExamSessions.Schedule schedule, String supportContact, boolean sequentialNavigation, MultipleChoicePolicy policy,
            boolean doubleMarking, int markingThreshold, boolean identityCheckRequired, int evidenceRetentionDays) {
    }

    private MultipleChoicePolicy policy(Errors errors) {
        try {
            return MultipleChoicePolicy.valueOf(multipleChoicePolicy);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.rejectValue("multipleChoicePolicy", "invalid", "请选择多选题计分规则");
            return null;
        }
    }

    private static Instant parseDate(String field, String text, Milestone milestone, ZoneId zone, Errors errors) {
        if (text == null || text.isBlank()) {
            errors.rejectValue(field, "required", "请填写“" + milestone.label() + "”的日期和时间");
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), INPUT).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "format", "“" + milestone.label() + "”的格式应为 年-月-日 时:分（如 2026-07-25T09:00）");
            return null;
        }
    }

    private static Integer number(String field, String text, int min, int max, String label, Errors errors) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            if (value < min || value > max) {
                errors.rejectValue(field, "range", label + "须在 " + min + " 到 " + max + " 之间");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "number", label + "须为整数");
            return null;
        }
    }

    private static String format(Instant instant, ZoneId zone) {
        return instant == null ? "" : INPUT.format(instant.atZone(zone));
    }

    private String valueOf(String field) {
        return switch (field) {
            case "applicationsCloseAt" -> applicationsCloseAt;
            case "materialsCloseAt" -> materialsCloseAt;
            case "hoursCutoffAt" -> hoursCutoffAt;
            case "examStartAt" -> examStartAt;
            case "examEndAt" -> examEndAt;
            case "scoresPublishAt" -> scoresPublishAt;
            case "certificatesIssueAt" -> certificatesIssueAt;
            default -> throw new IllegalArgumentException(field);
        };
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code == null ? "" : code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? "" : name; }
    public String getApplicationsCloseAt() { return applicationsCloseAt; }
    public void setApplicationsCloseAt(String v) { this.applicationsCloseAt = v; }
    public String getMaterialsCloseAt() { return materialsCloseAt; }
    public void setMaterialsCloseAt(String v) { this.materialsCloseAt = v; }
    public String getHoursCutoffAt() { return hoursCutoffAt; }
    public void setHoursCutoffAt(String v) { this.hoursCutoffAt = v; }
    public String getExamStartAt() { return examStartAt; }
    public void setExamStartAt(String v) { this.examStartAt = v; }
    public String getExamEndAt() { return examEndAt; }
    public void setExamEndAt(String v) { this.examEndAt = v; }
    public String getScoresPublishAt() { return scoresPublishAt; }
    public void setScoresPublishAt(String v) { this.scoresPublishAt = v; }
    public String getCertificatesIssueAt() { return certificatesIssueAt; }
    public void setCertificatesIssueAt(String v) { this.certificatesIssueAt = v; }
    public String getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(String v) { this.durationMinutes = v; }
    public String getTotalPoints() { return totalPoints; }
    public void setTotalPoints(String v) { this.totalPoints = v; }
    public String getPassMark() { return passMark; }
    public void setPassMark(String v) { this.passMark = v; }
    public String getRequiredHours() { return requiredHours; }
    public void setRequiredHours(String v) { this.requiredHours = v; }
    public String getSupportContact() { return supportContact; }
    public void setSupportContact(String v) { this.supportContact = v == null ? "" : v; }
    public String getMultipleChoicePolicy() { return multipleChoicePolicy; }
    public void setMultipleChoicePolicy(String v) { this.multipleChoicePolicy = v; }
    public boolean isDoubleMarking() { return doubleMarking; }
    public void setDoubleMarking(boolean v) { this.doubleMarking = v; }
    public String getMarkingThreshold() { return markingThreshold; }
    public void setMarkingThreshold(String v) { this.markingThreshold = v; }
    public boolean isSequentialNavigation() { return sequentialNavigation; }
    public void setSequentialNavigation(boolean v) { this.sequentialNavigation = v; }
    public boolean isIdentityCheckRequired() { return identityCheckRequired; }
    public void setIdentityCheckRequired(boolean v) { this.identityCheckRequired = v; }
    public String getEvidenceRetentionDays() { return evidenceRetentionDays; }
    public void setEvidenceRetentionDays(String v) { this.evidenceRetentionDays = v; }
}
