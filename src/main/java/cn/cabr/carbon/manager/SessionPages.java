package cn.cabr.carbon.manager;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.ApplicationStatus;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.exam.BlueprintLine;
import cn.cabr.carbon.exam.Blueprints;
import cn.cabr.carbon.exam.QuestionType;
import cn.cabr.carbon.exam.Subject;
import cn.cabr.carbon.exam.SyllabusModule;
import cn.cabr.carbon.process.ExamSessionProcesses;
import cn.cabr.carbon.proctoring.ProctoringThresholds;
import cn.cabr.carbon.proctoring.SessionThresholds;
import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.session.MultipleChoicePolicy;
import cn.cabr.carbon.session.SessionDefinition;
import cn.cabr.carbon.session.SessionMilestone;
import cn.cabr.carbon.shared.BusinessException;

/** The manager's pages for exam sessions: the list, create, settings, blueprint, and firing a milestone. */
@Controller
class SessionPages {

    private final ExamSessions sessions;
    private final ManagerActions actions;
    private final Blueprints blueprints;
    private final ExamSessionProcesses processes;
    private final ProctoringThresholds thresholds;
    private final Applications applications;
    private final SessionThresholds sessionThresholds;
    private final Clock clock;
    private final ZoneId zone;

    SessionPages(ExamSessions sessions, ManagerActions actions, Blueprints blueprints, ExamSessionProcesses processes,
            ProctoringThresholds thresholds, Applications applications, SessionThresholds sessionThresholds, Clock clock,
            ZoneId businessZone) {
        this.sessions = sessions;
        this.sessionThresholds = sessionThresholds;
        this.actions = actions;
        this.blueprints = blueprints;
        this.processes = processes;
        this.thresholds = thresholds;
        this.applications = applications;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** A session in the list: its dates and the next milestone a manager may fire. */
    record SessionRow(ExamSession session, Milestone next) {
    }

    /** A milestone on the session page. */
    record MilestoneRow(Milestone milestone, java.time.Instant dueAt, SessionMilestone reached, boolean next) {
    }

    /** A threshold as people read it: "from the nth page leave, warn". */
    record ThresholdRow(String measure, String action, String from) {
    }

    /** A blueprint row as typed (kept as text when the form comes back with an error). */
    record LineRow(String type, String subject, String module, String points, String count, long available) {
    }

    @GetMapping("/manager")
    String home(Model model) {
        model.addAttribute("rows", sessions.all().stream()
                .map(s -> new SessionRow(s, s.isArchived() ? null : sessions.nextMilestone(s.getId()).orElse(null)))
                .toList());
        return "manager/home";
    }

    @GetMapping("/manager/sessions/new")
    String newSession(Model model) {
        model.addAttribute("form", SessionForm.proposed(clock.instant(), zone));
        return newPage(model);
    }

    @PostMapping("/manager/sessions")
    String create(@ModelAttribute("form") SessionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        SessionDefinition definition = form.toDefinition(zone, errors);
        if (definition == null) {
            return newPage(model);
        }
        boolean identityCheck = form.isIdentityCheckRequired();
        int retention = Integer.parseInt(form.getEvidenceRetentionDays().strip());
        try {
            ExamSession session = actions.createSession(definition, form.isSequentialNavigation(), identityCheck,
                    retention);
            redirect.addFlashAttribute("notice", "已创建考期“" + session.getName() + "”，各节点将按设定日期自动到达");
            return "redirect:/manager/sessions/" + session.getCode();
        } catch (BusinessException e) {
            if ("SESSION_CODE_TAKEN".equals(e.code())) {
                errors.rejectValue("code", "taken", e.getMessage());
            } else {
                errors.reject(e.code(), e.getMessage());
            }
            return newPage(model);
        }
    }

    private String newPage(Model model) {
        model.addAttribute("policies", MultipleChoicePolicy.values());
        model.addAttribute("dateFields", SessionForm.DATE_FIELDS);
        return "manager/session-new";
    }

    @GetMapping("/manager/sessions/{code}")
    String session(@PathVariable String code, Model model) {
        ExamSession session = sessions.getByCode(code);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", SessionForm.of(session, zone));
        }
        return sessionPage(session, model);
    }

    @PostMapping("/manager/sessions/{code}/settings")
    String changeSettings(@AuthenticationPrincipal SignedInUser manager, @PathVariable String code, @ModelAttribute("form") SessionForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        ExamSession session = sessions.getByCode(code);
        SessionForm.Settings settings = form.toSettings(session, zone, errors);
        if (settings != null) {
            try {
                actions.changeSettings(manager.username(), code, settings);
                redirect.addFlashAttribute("notice", "考期设置已保存");
                return "redirect:/manager/sessions/" + code;
            } catch (BusinessException e) {
                errors.reject(e.code(), e.getMessage());
            }
        }
        form.fillMissingDates(session, zone);
        model.addAttribute("form", form);
        return sessionPage(session, model);
    }

    @PostMapping("/manager/sessions/{code}/blueprint")
    String replaceBlueprint(@PathVariable String code, @RequestParam(name = "type", required = false) List<String> types,
            @RequestParam(name = "subject", required = false) List<String> subjects,
            @RequestParam(name = "module", required = false) List<String> modules,
            @RequestParam(name = "points", required = false) List<String> points,
            @RequestParam(name = "count", required = false) List<String> counts, Model model,
            RedirectAttributes redirect) {
        ExamSession session = sessions.getByCode(code);
        List<LineRow> typed = new ArrayList<>();
        int rows = types == null ? 0 : types.size();
        for (int i = 0; i < rows; i++) {
            typed.add(new LineRow(at(types, i), at(subjects, i), at(modules, i), at(points, i), at(counts, i), -1));
        }
        List<String> problems = new ArrayList<>();
        List<BlueprintLine.Cell> cells = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            LineRow r = typed.get(i);
            if (r.type().isEmpty() && r.count().isEmpty() && r.points().isEmpty()) {
                continue;
            }
            try {
                cells.add(new BlueprintLine.Cell(QuestionType.valueOf(r.type()), Subject.valueOf(r.subject()),
                        Integer.parseInt(r.module()), Integer.parseInt(r.points().strip()), Integer.parseInt(r.count().strip())));
            } catch (IllegalArgumentException e) {
                problems.add("第 " + (i + 1) + " 行：请选择题型、科目和模块，分值和题数须为整数");
            }
        }
        if (problems.isEmpty()) {
            try {
                blueprints.replace(session.getId(), cells);
                redirect.addFlashAttribute("notice", "组卷规则已保存");
                return "redirect:/manager/sessions/" + code + "#blueprint";
            } catch (BusinessException e) {
                problems.add(e.getMessage());
            }
        }
        model.addAttribute("blueprintError", String.join("；", problems));
        model.addAttribute("lineRows", typed);
        model.addAttribute("form", SessionForm.of(session, zone));
        return sessionPage(session, model);
    }

    /** The thresholds form as typed (kept as text when it comes back with an error). */
    record ThresholdForm(String pageLeavesWarn, String pageLeavesTerminate, String secondsWithoutFace,
            String secondsWithoutHeartbeat) {

        static ThresholdForm of(SessionThresholds.Settings s) {
            return new ThresholdForm(String.valueOf(s.pageLeavesWarn()), String.valueOf(s.pageLeavesTerminate()),
                    String.valueOf(s.secondsWithoutFace()), String.valueOf(s.secondsWithoutHeartbeat()));
        }
    }

    @PostMapping("/manager/sessions/{code}/thresholds")
    String changeThresholds(@AuthenticationPrincipal SignedInUser manager, @PathVariable String code,
            @RequestParam(defaultValue = "") String pageLeavesWarn,
            @RequestParam(defaultValue = "") String pageLeavesTerminate,
            @RequestParam(defaultValue = "") String secondsWithoutFace,
            @RequestParam(defaultValue = "") String secondsWithoutHeartbeat, Model model, RedirectAttributes redirect) {
        ExamSession session = sessions.getByCode(code);
        ThresholdForm typed = new ThresholdForm(pageLeavesWarn.strip(), pageLeavesTerminate.strip(),
                secondsWithoutFace.strip(), secondsWithoutHeartbeat.strip());
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        Integer warn = whole(problems, "pageLeavesWarn", typed.pageLeavesWarn());
        Integer terminate = whole(problems, "pageLeavesTerminate", typed.pageLeavesTerminate());
        Integer face = whole(problems, "secondsWithoutFace", typed.secondsWithoutFace());
        Integer heartbeat = whole(problems, "secondsWithoutHeartbeat", typed.secondsWithoutHeartbeat());
        String error = null;
        if (problems.isEmpty()) {
            SessionThresholds.Settings settings = new SessionThresholds.Settings(warn, terminate, face, heartbeat);
            problems.putAll(SessionThresholds.problems(settings));
            if (problems.isEmpty()) {
                try {
                    sessionThresholds.change(manager.username(), code, settings);
                    redirect.addFlashAttribute("notice", "监考阈值已保存，立即生效");
                    return "redirect:/manager/sessions/" + code + "#thresholds";
                } catch (BusinessException e) {
                    error = e.getMessage();
                }
            }
        }
        model.addAttribute("thresholdError", error != null ? error : "监考阈值未保存，请更正标出的内容");
        model.addAttribute("thresholdErrors", problems);
        model.addAttribute("thresholdForm", typed);
        model.addAttribute("form", SessionForm.of(session, zone));
        return sessionPage(session, model);
    }

    private static Integer whole(Map<String, String> problems, String field, String text) {
        if (text.isEmpty()) {
            problems.put(field, "请填写");
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            problems.put(field, "请填写整数");
            return null;
        }
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i).strip();
    }

    private String sessionPage(ExamSession session, Model model) {
        Map<Milestone, SessionMilestone> reached = sessions.reachedMilestones(session.getId());
        Optional<Milestone> next = session.isArchived() ? Optional.empty() : sessions.nextMilestone(session.getId());
        model.addAttribute("examSession", session);
        model.addAttribute("milestones", Arrays.stream(Milestone.values())
                .map(m -> new MilestoneRow(m, session.dueAt(m), reached.get(m), next.map(m::equals).orElse(false)))
                .toList());
        model.addAttribute("policies", MultipleChoicePolicy.values());
        model.addAttribute("dateFields", SessionForm.DATE_FIELDS);
        model.addAttribute("reachedSet", reached.keySet());
        Blueprints.View blueprint = blueprints.view(session.getId());
        model.addAttribute("blueprint", blueprint);
        if (!model.containsAttribute("lineRows")) {
            List<LineRow> rows = new ArrayList<>(blueprint.lines().stream().map(l -> new LineRow(l.cell().type().name(),
                    l.cell().subject().name(), String.valueOf(l.cell().module()), String.valueOf(l.cell().points()),
                    String.valueOf(l.cell().count()), l.available())).toList());
            for (int i = 0; i < 3; i++) {
                rows.add(new LineRow("", "", "", "", "", -1));
            }
            model.addAttribute("lineRows", rows);
        }
        model.addAttribute("types", QuestionType.values());
        model.addAttribute("subjects", Subject.values());
        model.addAttribute("modules", List.of(1, 2, 3, 4, 5).stream()
                .filter(SyllabusModule::exists).map(m -> Map.entry(m, SyllabusModule.label(m))).toList());
        model.addAttribute("thresholds", thresholdRows(session.getCode()));
        if (!model.containsAttribute("thresholdForm")) {
            model.addAttribute("thresholdForm", ThresholdForm.of(sessionThresholds.current(session.getCode())));
            model.addAttribute("thresholdErrors", Map.of());
        }
        model.addAttribute("thresholdsEditable", sessionThresholds.editable(session));
        return "manager/session";
    }

    private List<ThresholdRow> thresholdRows(String code) {
        List<ThresholdRow> rows = new ArrayList<>();
        threshold(rows, code, ProctoringThresholds.Measure.PAGE_LEAVES, "离开答题页面", ProctoringThresholds.Action.WARN,
                "提醒考生", 50, "第 %d 次");
        threshold(rows, code, ProctoringThresholds.Measure.PAGE_LEAVES, "离开答题页面", ProctoringThresholds.Action.TERMINATE,
                "终止考试", 50, "第 %d 次");
        threshold(rows, code, ProctoringThresholds.Measure.SECONDS_WITHOUT_FACE, "画面中无人脸",
                ProctoringThresholds.Action.FLAG, "标记待裁定", 600, "持续 %d 秒");
        threshold(rows, code, ProctoringThresholds.Measure.SECONDS_WITHOUT_HEARTBEAT, "答题页面失去联系",
                ProctoringThresholds.Action.FLAG, "标记待裁定", 600, "持续 %d 秒");
        return rows;
    }

    private void threshold(List<ThresholdRow> rows, String code, ProctoringThresholds.Measure measure, String label,
            ProctoringThresholds.Action action, String actionLabel, int max, String format) {
        int from = thresholds.lowestValueFor(code, measure, action, max);
        rows.add(new ThresholdRow(label, actionLabel, from > max ? "不适用" : format.formatted(from)));
    }

    // ---- firing a milestone ----

    /** What firing a milestone does, and how many of the session's cases it concerns. */
    record Effect(String description, long cases, String casesLabel) {
    }

    @GetMapping("/manager/sessions/{code}/milestones/{milestone}")
    String confirmMilestone(@PathVariable String code, @PathVariable String milestone, Model model) {
        ExamSession session = sessions.getByCode(code);
        Milestone m = milestone(milestone);
        return confirmPage(session, m, model);
    }

    @PostMapping("/manager/sessions/{code}/milestones/{milestone}")
    String fireMilestone(@AuthenticationPrincipal SignedInUser manager, @PathVariable String code,
            @PathVariable String milestone, @RequestParam(name = "publishReady", defaultValue = "false") boolean publishReady,
            @RequestParam(name = "reason", required = false) String reason, Model model, RedirectAttributes redirect) {
        ExamSession session = sessions.getByCode(code);
        Milestone m = milestone(milestone);
        try {
            if (publishReady) {
                ManagerActions.requireReason(reason, "在部分考生成绩未就绪时公布");
            }
            processes.fire(code, m, manager.username(), publishReady, reason == null ? null : reason.strip());
        } catch (BusinessException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("reason", reason);
            return confirmPage(session, m, model);
        }
        redirect.addFlashAttribute("notice", "已触发“" + m.label() + "”，系统将在数秒内处理并通知相关考生的案件");
        return "redirect:/manager/sessions/" + code;
    }

    private String confirmPage(ExamSession session, Milestone milestone, Model model) {
        model.addAttribute("examSession", session);
        model.addAttribute("milestone", milestone);
        model.addAttribute("effect", effect(session, milestone));
        Optional<Milestone> next = session.isArchived() ? Optional.empty() : sessions.nextMilestone(session.getId());
        SessionMilestone reached = sessions.reachedMilestones(session.getId()).get(milestone);
        model.addAttribute("refused", false);
        if (!model.containsAttribute("error")) {
            model.addAttribute("refused", true);
            if (session.isArchived()) {
                model.addAttribute("error", session.getName() + "已归档，不能触发节点");
            } else if (reached != null) {
                model.addAttribute("error", "“" + milestone.label() + "”已于 "
                        + cn.cabr.carbon.shared.Dates.dateTime(reached.getReachedAt(), zone) + " 到达（"
                        + reached.getReachedBy() + "），不能重复触发");
            } else if (next.isPresent() && next.get() != milestone) {
                model.addAttribute("error", "请先触发“" + next.get().label() + "”，节点须按顺序到达");
            } else {
                model.addAttribute("refused", false);
            }
        }
        if (milestone == Milestone.SCORES_PUBLISHED && reached == null) {
            model.addAttribute("publication", processes.publication(session.getCode()));
        }
        return "manager/milestone-confirm";
    }

    private Effect effect(ExamSession session, Milestone milestone) {
        List<Application> all = applications.ofSession(session.getId());
        java.util.function.Predicate<Application> open = a -> a.getStatus() != ApplicationStatus.CLOSED;
        return switch (milestone) {
            case APPLICATIONS_CLOSED -> new Effect("报名截止：考生不能再新建或提交报名；尚未提交的草稿将不能再提交。",
                    all.stream().filter(a -> a.getStatus() == ApplicationStatus.DRAFT).count(), "份草稿将不能再提交");
            case MATERIALS_CLOSED -> new Effect("提交报名材料截止：仍在等待补充材料的报名将关闭（经管理员延长补充期限的除外）。",
                    all.stream().filter(a -> a.getStatus() == ApplicationStatus.SUPPLEMENT_REQUESTED).count()
                            - applications.openMaterialsExtensions(session.getId()).size(), "个等待补充材料的报名将关闭");
            case HOURS_COUNTED -> new Effect("考前学时统计截止：系统统计每名考生截止时的培训学时，学时不足的报名将关闭。",
                    all.stream().filter(open).filter(a -> a.getStatus() != ApplicationStatus.DRAFT).count(),
                    "个未结束的案件将统计学时");
            case EXAM_OPENED -> new Effect("考试开始：符合条件的考生可以进入在线考试。",
                    all.stream().filter(a -> a.getStatus() == ApplicationStatus.APPROVED).count(), "名审核通过的考生可开始考试");
            case EXAM_CLOSED -> new Effect("考试结束：尚未交卷的考试将自动交卷，未参加考试的考生记为缺考。",
                    all.stream().filter(open).filter(a -> a.getStatus() == ApplicationStatus.APPROVED).count(),
                    "个进行中的案件将结束考试");
            case SCORES_PUBLISHED -> new Effect("公布考试成绩：已评定的成绩向考生公布并发送通知。",
                    all.stream().filter(open).filter(a -> a.getStatus() == ApplicationStatus.APPROVED).count(),
                    "个案件将公布成绩");
            case CERTIFICATES_ISSUED -> new Effect("颁发证书：为考试合格的考生生成电子证书并发送通知。",
                    all.stream().filter(open).filter(a -> a.getStatus() == ApplicationStatus.APPROVED).count(),
                    "个案件将处理证书");
        };
    }

    private static Milestone milestone(String name) {
        try {
            return Milestone.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw BusinessException.notFound("MILESTONE_NOT_FOUND", "没有这个考试节点：" + name);
        }
    }
}
