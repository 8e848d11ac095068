package cn.cabr.carbon.portal;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.cabr.carbon.application.ApplicantDetails;
import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.ApplicationDocument;
import cn.cabr.carbon.application.ApplicationStatus;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.application.DocumentType;
import cn.cabr.carbon.application.EducationLevel;
import cn.cabr.carbon.application.EligibilityClause;
import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;

/**
 * The candidate's application in pages: choose a session, fill the form step by step (each step saves the
 * draft), upload the materials, submit; after a supplement request, resupply exactly the documents asked for.
 */
@Controller
class ApplicationPages {

    /** Refusals of the application service that belong next to one field rather than above the form. */
    private static final Map<String, String> FIELD_OF_CODE = Map.of("GRADUATION_DATE_IN_FUTURE", "graduationDate");

    private final Applications applications;
    private final Candidates candidates;
    private final ExamSessions sessions;
    private final Validator validator;

    ApplicationPages(Applications applications, Candidates candidates, ExamSessions sessions, Validator validator) {
        this.applications = applications;
        this.candidates = candidates;
        this.sessions = sessions;
        this.validator = validator;
    }

    /**
     * The form filled from the draft before a step's fields are bound onto it, so a step that posts only its own
     * fields keeps the others.
     */
    @ModelAttribute("form")
    ApplicationForm form(@AuthenticationPrincipal SignedInUser user, @PathVariable(required = false) String number) {
        return number == null ? new ApplicationForm()
                : ApplicationForm.of(applications.getOwned(user.requireCandidateId(), number).details());
    }

    @GetMapping("/apply")
    String chooseSession(@AuthenticationPrincipal SignedInUser user, Model model) {
        long candidateId = user.requireCandidateId();
        Map<Long, String> applied = new LinkedHashMap<>();
        applications.listOwned(candidateId).forEach(a -> applied.put(a.getSessionId(), a.getApplicationNumber()));
        model.addAttribute("sessions", sessions.openForApplications());
        model.addAttribute("applied", applied);
        return "portal/apply";
    }

    @PostMapping("/apply")
    String startApplication(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String sessionCode,
            RedirectAttributes redirect) {
        if (sessionCode == null || sessionCode.isBlank()) {
            redirect.addFlashAttribute("error", "请选择要报名的考期");
            return "redirect:/apply";
        }
        try {
            Application draft = applications.createDraft(user.requireCandidateId(), sessionCode, emptyDetails());
            return "redirect:/applications/" + draft.getApplicationNumber() + "/step/" + ApplicationStep.EDUCATION.path();
        } catch (BusinessException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/apply";
        }
    }

    @GetMapping("/applications/{number}/step/{step}")
    String step(@AuthenticationPrincipal SignedInUser user, @PathVariable String number, @PathVariable String step,
            Model model) {
        Application application = applications.getOwned(user.requireCandidateId(), number);
        if (!application.isEditable()) {
            return "redirect:/applications/" + number;
        }
        return render(user, application, stepOf(step), model);
    }

    @PostMapping("/applications/{number}/step/{step}")
    String saveStep(@AuthenticationPrincipal SignedInUser user, @PathVariable String number, @PathVariable String step,
            @ModelAttribute("form") ApplicationForm form, BindingResult binding, Model model,
            @RequestParam(defaultValue = "next") String go) {
        long candidateId = user.requireCandidateId();
        ApplicationStep current = stepOf(step);
        Application application = applications.getOwned(candidateId, number);
        if (!binding.hasErrors()) {
            ApplicantDetails details = form.toDetails();
            for (ConstraintViolation<ApplicantDetails> violation : validator.validate(details)) {
                binding.rejectValue(violation.getPropertyPath().toString(), "invalid", violation.getMessage());
            }
            if (!binding.hasErrors()) {
                try {
                    application = applications.updateDraft(candidateId, number, details);
                } catch (BusinessException e) {
                    String field = FIELD_OF_CODE.get(e.code());
                    if (field != null) {
                        binding.rejectValue(field, e.code(), e.getMessage());
                    } else {
                        binding.reject(e.code(), e.getMessage());
                    }
                }
            }
        }
        if (binding.hasErrors()) {
            return render(user, application, current, model);
        }
        ApplicationStep target = "back".equals(go) ? current.previous().orElse(current) : current.next().orElse(current);
        return "redirect:/applications/" + number + "/step/" + target.path();
    }

    @PostMapping("/applications/{number}/documents")
    String upload(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @RequestParam(required = false) DocumentType type, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        long candidateId = user.requireCandidateId();
        Application application = applications.getOwned(candidateId, number);
        if (type == null) {
            redirect.addFlashAttribute("error", "请选择材料类型");
        } else if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("uploadError", Map.of(type.name(), "请先选择要上传的“" + type.label() + "”文件"));
        } else {
            try {
                applications.upload(candidateId, number, type, file.getOriginalFilename(), file.getBytes());
                redirect.addFlashAttribute("notice", "已上传“" + type.label() + "”：" + file.getOriginalFilename());
            } catch (BusinessException e) {
                redirect.addFlashAttribute("uploadError", Map.of(type.name(), e.getMessage()));
            }
        }
        return backToDocuments(application);
    }

    @PostMapping("/applications/{number}/documents/{documentId}/delete")
    String deleteDocument(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @PathVariable long documentId, RedirectAttributes redirect) {
        long candidateId = user.requireCandidateId();
        Application application = applications.getOwned(candidateId, number);
        try {
            applications.deleteDocument(candidateId, number, documentId);
            redirect.addFlashAttribute("notice", "文件已删除");
        } catch (BusinessException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return backToDocuments(application);
    }

    @PostMapping("/applications/{number}/submit")
    String submit(@AuthenticationPrincipal SignedInUser user, @PathVariable String number, RedirectAttributes redirect) {
        try {
            applications.submit(user.requireCandidateId(), number);
            redirect.addFlashAttribute("notice", "报名已提交，请等待审核。审核结果将通过通知告知。");
            return "redirect:/applications/" + number;
        } catch (BusinessException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/applications/" + number + "/step/" + ApplicationStep.CONFIRM.path();
        }
    }

    @PostMapping("/applications/{number}/resubmit")
    String resubmit(@AuthenticationPrincipal SignedInUser user, @PathVariable String number, RedirectAttributes redirect) {
        try {
            applications.resubmit(user.requireCandidateId(), number);
            redirect.addFlashAttribute("notice", "补充材料已提交，请等待重新审核。");
        } catch (BusinessException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/applications/" + number;
    }

    private String render(SignedInUser user, Application application, ApplicationStep step, Model model) {
        long candidateId = user.requireCandidateId();
        ExamSession session = sessions.get(application.getSessionId());
        model.addAttribute("record", application);
        model.addAttribute("examSession", session);
        model.addAttribute("candidate", candidates.get(candidateId));
        model.addAttribute("step", step);
        model.addAttribute("steps", ApplicationStep.values());
        model.addAttribute("educationLevels", EducationLevel.values());
        model.addAttribute("clauses", EligibilityClause.values());
        if (step == ApplicationStep.MATERIALS || step == ApplicationStep.CONFIRM) {
            List<ApplicationDocument> documents = applications.currentDocuments(application.getId());
            model.addAttribute("documentTypes", DocumentType.values());
            model.addAttribute("documents", documents);
            model.addAttribute("files", filesByType(documents));
            model.addAttribute("required", Applications.requiredDocuments(application));
        }
        if (step == ApplicationStep.CONFIRM) {
            model.addAttribute("missing", applications.missingForSubmission(application));
            model.addAttribute("details", application.details());
        }
        return "portal/application-step";
    }

    static Map<DocumentType, List<ApplicationDocument>> filesByType(List<ApplicationDocument> documents) {
        Map<DocumentType, List<ApplicationDocument>> byType = new EnumMap<>(DocumentType.class);
        for (DocumentType type : DocumentType.values()) {
            byType.put(type, documents.stream().filter(d -> d.getDocumentType() == type).toList());
        }
        return byType;
    }

    private String backToDocuments(Application application) {
        String number = application.getApplicationNumber();
        return application.getStatus() == ApplicationStatus.SUPPLEMENT_REQUESTED ? "redirect:/applications/" + number
                : "redirect:/applications/" + number + "/step/" + ApplicationStep.MATERIALS.path();
    }

    private static ApplicationStep stepOf(String path) {
        return ApplicationStep.ofPath(path).orElseThrow(() -> BusinessException.notFound("STEP_NOT_FOUND",
                "没有这一步：" + path));
    }

    private static ApplicantDetails emptyDetails() {
        return new ApplicantDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
