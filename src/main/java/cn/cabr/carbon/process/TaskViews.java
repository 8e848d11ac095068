package cn.cabr.carbon.process;

import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.adjudication.Adjudication;
import cn.cabr.carbon.adjudication.Adjudications;
import cn.cabr.carbon.adjudication.LiveProctoring;
import cn.cabr.carbon.adjudication.ProctorMessage;
import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.ApplicationDocument;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.Grading;
import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.proctoring.Proctoring;
import cn.cabr.carbon.proctoring.ProctoringEvent;
import cn.cabr.carbon.review.ReviewDecision;
import cn.cabr.carbon.review.Reviews;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.Dates;

/**
 * What the Tasklist forms show, as Markdown for the forms' text fields, filled into task-local variables when a
 * task is created; the ID-card number appears masked here (these variables reach the history tables), in full
 * only on the staff viewer page behind authorization.
 * <p>
 * The fields a form submits are declared task-local too, as typed empty values: Tasklist submits each field with
 * the type of the variable it found (a Null-typed one cannot take a value), and a local variable keeps each task's
 * answer to itself instead of leaving it on the case for the next task's form.
 */
@Component("taskViews")
public class TaskViews {

    /** Camunda stores longer strings differently; the viewer page shows everything anyway. */
    static final int MAX_LENGTH = 3800;

    private final Applications applications;
    private final Candidates candidates;
    private final ExamSessions sessions;
    private final Reviews reviews;
    private final ExamDelivery delivery;
    private final Proctoring proctoring;
    private final Grading grading;
    private final Adjudications adjudications;
    private final LiveProctoring liveProctoring;
    private final ZoneId zone;

    TaskViews(Applications applications, Candidates candidates, ExamSessions sessions, Reviews reviews,
            ExamDelivery delivery, Proctoring proctoring, Grading grading, Adjudications adjudications,
            LiveProctoring liveProctoring, ZoneId businessZone) {
        this.applications = applications;
        this.candidates = candidates;
        this.sessions = sessions;
        this.reviews = reviews;
        this.delivery = delivery;
        this.proctoring = proctoring;
        this.grading = grading;
        this.adjudications = adjudications;
        this.liveProctoring = liveProctoring;
        this.zone = businessZone;
    }

    public String applicantSummary(Long applicationId) {
        Application a = applications.get(applicationId);
        Candidate c = candidates.get(a.getCandidateId());
        StringBuilder md = new StringBuilder();
        md.append("| 项目 | 内容 |\n|---|---|\n");
        row(md, "报名编号", a.getApplicationNumber());
        row(md, "考期", sessions.get(a.getSessionId()).getName());
        row(md, "姓名", c.getFullName());
        row(md, "身份证号", c.getMaskedIdNumber());
        row(md, "性别", a.getGender() == null ? null : a.getGender().label());
        row(md, "出生日期", a.getBirthDate());
        row(md, "最高学历", a.getEducationLevel() == null ? null : a.getEducationLevel().label());
        row(md, "毕业院校", a.getSchool());
        row(md, "毕业时间", a.getGraduationDate());
        row(md, "所学专业", a.getMajor() + (a.isRelatedMajor() ? "（申报为相关专业）" : "（非相关专业）"));
        row(md, "相关工作年限", a.getRelatedWorkYears() + " 年");
        row(md, "工作单位", a.getEmployer());
        row(md, "现任职务", a.getPosition());
        row(md, "已有执业资格", a.getQualifications());
        row(md, "教科研单位或交易所人员", a.isInstitutionStaff() ? "是" : "否");
        row(md, "申请适用的报考条件", a.getClaimedClause() == null ? "未选择" : a.getClaimedClause().label());
        row(md, "遵纪守法承诺", a.isLawAbidingDeclared() ? "已承诺" : "未承诺");
        List<ReviewDecision> history = reviews.history(applicationId);
        if (!history.isEmpty()) {
            md.append("\n**此前审核记录**\n\n");
            for (ReviewDecision d : history) {
                md.append("- ").append(Dates.dateTime(d.getDecidedAt(), zone)).append(" ").append(d.getReviewer())
                        .append("：").append(d.getDecision().label())
                        .append(d.getReason() == null ? "" : "，" + d.getReason()).append('\n');
            }
        }
        md.append("\n[在新页面查看完整报名信息与全部材料](/staff/applications/").append(applicationId).append(")\n");
        return limit(md);
    }

    public String documentLinks(Long applicationId) {
        List<ApplicationDocument> documents = applications.currentDocuments(applicationId);
        if (documents.isEmpty()) {
            return "（未上传任何材料）";
        }
        StringBuilder md = new StringBuilder();
        for (ApplicationDocument d : documents) {
            md.append("- [").append(d.getDocumentType().label()).append("：").append(escape(d.getOriginalFilename()))
                    .append("](/staff/documents/").append(d.getId()).append(") ")
                    .append(d.getSizeBytes() / 1024 + 1).append(" KB，上传于 ")
                    .append(Dates.dateTime(d.getUploadedAt(), zone)).append('\n');
        }
        return limit(md);
    }

    /** 人工审核: the applicant, the documents, and the decision fields. */
    public void prepareReview(DelegateTask task) {
        long applicationId = (Long) task.getVariable(CaseVariables.APPLICATION_ID);
        task.setVariableLocal("applicantSummary", applicantSummary(applicationId));
        task.setVariableLocal("documentLinks", documentLinks(applicationId));
        task.setVariableLocal(StaffTaskListeners.DECISION, Variables.stringValue(null));
        task.setVariableLocal(StaffTaskListeners.REASON, Variables.stringValue(null));
        task.setVariableLocal(StaffTaskListeners.SUPPLEMENT_DOCUMENTS, SpinValues.jsonValue((String) null).create());
    }

    /**
     * 简答题阅卷: the one answer the task is about, without the candidate's name. A listener rather than an input
     * mapping, because input mappings of a multi-instance task cannot see its element variable ({@code answerId}).
     */
    public void prepareGrading(DelegateTask task, int round) {
        long answerId = (Long) task.getVariable(CaseVariables.ANSWER_ID);
        Grading.ShortAnswerView answer = grading.shortAnswer(answerId);
        task.setVariableLocal("markingRound", round == 1 ? "一评" : round == 2 ? "二评（请独立评分，不参考一评）" : "三评（一评、二评分差超过阈值，由您裁定最终得分）");
        task.setVariableLocal("position", answer.position());
        task.setVariableLocal("question", answer.question());
        task.setVariableLocal("referenceAnswer", answer.referenceAnswer());
        task.setVariableLocal("rubric", answer.rubric() == null ? "" : answer.rubric());
        task.setVariableLocal("candidateAnswer", answer.candidateAnswer());
        task.setVariableLocal("maxPoints", answer.maxPoints());
        task.setVariableLocal("previousMarkings", round < 3 ? "" : grading.markingsOf(answerId).stream()
                .map(m -> "- " + (m.getRound() == 1 ? "一评" : "二评") + "：" + m.getScore() + " 分"
                        + (m.getComment() == null ? "" : "（" + escape(m.getComment()) + "）"))
                .reduce((a, b) -> a + "\n" + b).orElse(""));
        task.setVariableLocal(StaffTaskListeners.SCORE, Variables.longValue(null));
        task.setVariableLocal(StaffTaskListeners.COMMENT, Variables.stringValue(null));
    }

    /**
     * 违纪裁定 at any stage: the sitting, the timeline of its proctoring events with a link to their evidence, the
     * decisions so far (and the candidate's appeal), and the decision fields.
     */
    public void prepareAdjudication(DelegateTask task) {
        long sittingId = (Long) task.getVariable(CaseVariables.SITTING_ID);
        task.setVariableLocal("sittingSummary", sittingSummary(sittingId)
                + "\n\n[查看监考证据（截图与事件）](/staff/sittings/" + sittingId + "/evidence)");
        task.setVariableLocal("proctoringEvents", proctoringEvents(sittingId));
        task.setVariableLocal("earlierDecisions", earlierDecisions(sittingId));
        task.setVariableLocal(StaffTaskListeners.DECISION, Variables.stringValue(null));
        task.setVariableLocal(StaffTaskListeners.REMEDY, Variables.stringValue(null));
        task.setVariableLocal(StaffTaskListeners.CREDITED_MINUTES, Variables.integerValue(null));
        task.setVariableLocal(StaffTaskListeners.REASON, Variables.stringValue(null));
    }

    public String earlierDecisions(Long sittingId) {
        StringBuilder md = new StringBuilder();
        for (ProctorMessage m : liveProctoring.messagesOf(sittingId)) {
            md.append("- ").append(Dates.dateTime(m.getSentAt(), zone)).append(" 监考员（").append(m.getSentBy())
                    .append("）").append(ProctorMessage.TERMINATION.equals(m.getKind()) ? "终止考试，理由：" : "警告考生：")
                    .append(escape(m.getMessage())).append('\n');
        }
        for (Adjudication a : adjudications.history(sittingId)) {
            md.append("- ").append(Dates.dateTime(a.getDecidedAt(), zone)).append(" ").append(a.getStage().label())
                    .append("（").append(a.getAdjudicator()).append("）：").append(a.describe()).append("，理由：")
                    .append(escape(a.getReason())).append('\n');
        }
        adjudications.appealOf(sittingId).ifPresent(appeal -> md.append("\n**考生申诉**（")
                .append(Dates.dateTime(appeal.getFiledAt(), zone)).append("）：").append(escape(appeal.getReason()))
                .append('\n'));
        return md.length() == 0 ? "（尚无监考员操作或裁定，您是第一位裁定人员）" : limit(md);
    }

    public String sittingSummary(Long sittingId) {
        Sitting s = delivery.get(sittingId);
        Application a = applications.get(s.getApplicationId());
        return "报名编号 " + a.getApplicationNumber() + "；考试状态：" + s.getStatus().label()
                + (s.getStartedAt() == null ? "" : "；开始 " + Dates.dateTime(s.getStartedAt(), zone))
                + (s.getEndedAt() == null ? "" : "；结束 " + Dates.dateTime(s.getEndedAt(), zone));
    }

    public String proctoringEvents(Long sittingId) {
        List<ProctoringEvent> events = proctoring.eventsOf(sittingId);
        if (events.isEmpty()) {
            return "（无监考事件记录）";
        }
        StringBuilder md = new StringBuilder("| 时间 | 事件 | 是否标记 | 说明 |\n|---|---|---|---|\n");
        for (ProctoringEvent e : events) {
            md.append("| ").append(Dates.dateTime(e.getOccurredAt(), zone)).append(" | ").append(e.getEventType().label())
                    .append(" | ").append(e.isFlagged() ? "⚠ 是" : "否").append(" | ")
                    .append(e.getDetail() == null ? "" : escape(e.getDetail())).append(" |\n");
        }
        return limit(md);
    }

    private static void row(StringBuilder md, String label, Object value) {
        md.append("| ").append(label).append(" | ").append(value == null ? "—" : escape(value.toString())).append(" |\n");
    }

    /** Candidates write some of these texts: nothing they type may become a link or break the table. */
    static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\](){}#+!|<>-])", "\\\\$1").replace('\n', ' ');
    }

    private static String limit(StringBuilder md) {
        return md.length() <= MAX_LENGTH ? md.toString() : md.substring(0, MAX_LENGTH) + "\n\n……（内容较长，请在查看页面中查看全部）";
    }
}
