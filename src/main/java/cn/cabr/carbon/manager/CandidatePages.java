package cn.cabr.carbon.manager;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.ApplicationStatus;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.notification.Notification;
import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.PersonNames;

/** The candidates of a session for managers, with the bulk actions: resend a notification, extend a deadline. */
@Controller
class CandidatePages {

    private final ExamSessions sessions;
    private final Applications applications;
    private final Candidates candidates;
    private final Notifications notifications;
    private final ManagerActions actions;
    private final ZoneId zone;

    CandidatePages(ExamSessions sessions, Applications applications, Candidates candidates, Notifications notifications,
            ManagerActions actions, ZoneId businessZone) {
        this.sessions = sessions;
        this.applications = applications;
        this.candidates = candidates;
        this.notifications = notifications;
        this.actions = actions;
        this.zone = businessZone;
    }

    /** One application as the list shows it: masked name and ID number. */
    record Row(String applicationNumber, String maskedName, String maskedIdNumber, String status, String outcome,
            boolean supplementRequested, Instant materialsDeadline, boolean extended, String lastNotification) {
    }

    @GetMapping("/manager/sessions/{code}/candidates")
    String list(@PathVariable String code, Model model) {
        return listPage(sessions.getByCode(code), model);
    }

    @PostMapping("/manager/sessions/{code}/notifications/resend")
    String resend(@AuthenticationPrincipal SignedInUser manager, @PathVariable String code,
            @RequestParam(name = "applicationNumbers", required = false) List<String> numbers,
            @RequestParam(name = "reason", required = false) String reason, Model model, RedirectAttributes redirect) {
        ExamSession session = sessions.getByCode(code);
        try {
            List<Notification> sent = actions.resendNotifications(manager.username(), code, numbers, reason);
            redirect.addFlashAttribute("notice", "已重新发送 " + sent.size() + " 条通知（站内信，并将通过邮件发送）");
            return "redirect:/manager/sessions/" + code + "/candidates";
        } catch (BusinessException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("reason", reason);
            model.addAttribute("selected", numbers == null ? Set.of() : Set.copyOf(numbers));
            return listPage(session, model);
        }
    }

    private String listPage(ExamSession session, Model model) {
        model.addAttribute("examSession", session);
        List<String> extended = applications.openMaterialsExtensions(session.getId());
        model.addAttribute("rows", applications.ofSession(session.getId()).stream().map(a -> {
            Candidate c = candidates.get(a.getCandidateId());
            List<Notification> sent = notifications.forApplication(a.getId());
            boolean supplement = a.getStatus() == ApplicationStatus.SUPPLEMENT_REQUESTED;
            return new Row(a.getApplicationNumber(), PersonNames.mask(c.getFullName()), c.getMaskedIdNumber(),
                    a.getStatus().label(), a.getOutcome() == null ? null : a.getOutcome().label(), supplement,
                    supplement ? applications.materialsDeadline(a) : null, extended.contains(a.getApplicationNumber()),
                    sent.isEmpty() ? null : sent.get(sent.size() - 1).getTitle());
        }).toList());
        if (!model.containsAttribute("selected")) {
            model.addAttribute("selected", Set.of());
        }
        return "manager/candidates";
    }

    @GetMapping("/manager/applications/{number}/materials-deadline")
    String deadlineForm(@PathVariable String number, Model model) {
        return deadlinePage(applications.getByNumber(number), model);
    }

    @PostMapping("/manager/applications/{number}/materials-deadline")
    String extend(@AuthenticationPrincipal SignedInUser manager, @PathVariable String number,
            @RequestParam(name = "deadline", required = false) String deadline,
            @RequestParam(name = "reason", required = false) String reason, Model model, RedirectAttributes redirect) {
        Application application = applications.getByNumber(number);
        model.addAttribute("deadline", deadline);
        model.addAttribute("reason", reason);
        Instant newDeadline;
        try {
            newDeadline = LocalDateTime.parse(deadline == null ? "" : deadline.strip(), SessionForm.INPUT)
                    .atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            model.addAttribute("error", "请填写新的截止时间（年-月-日 时:分）");
            return deadlinePage(application, model);
        }
        try {
            applications.extendMaterialsDeadline(number, newDeadline, manager.username(), reason);
        } catch (BusinessException e) {
            model.addAttribute("error", e.getMessage());
            return deadlinePage(application, model);
        }
        ExamSession session = sessions.get(application.getSessionId());
        redirect.addFlashAttribute("notice", number + " 的补充材料截止时间已延长至 "
                + cn.cabr.carbon.shared.Dates.dateTime(newDeadline, zone));
        return "redirect:/manager/sessions/" + session.getCode() + "/candidates";
    }

    private String deadlinePage(Application application, Model model) {
        ExamSession session = sessions.get(application.getSessionId());
        Candidate c = candidates.get(application.getCandidateId());
        model.addAttribute("examSession", session);
        model.addAttribute("record", application);
        model.addAttribute("maskedName", PersonNames.mask(c.getFullName()));
        model.addAttribute("currentDeadline", applications.materialsDeadline(application));
        model.addAttribute("latest", session.getHoursCutoffAt());
        model.addAttribute("extension", applications.materialsExtension(application.getId()).orElse(null));
        return "manager/materials-deadline";
    }
}
