package cn.cabr.carbon.review;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.application.DocumentContent;
import cn.cabr.carbon.audit.AuditSearch;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.FileResponses;

/**
 * The staff viewer that the review form links to: the full application and its documents, for signed-in
 * staff only (the security chain requires a staff role for /staff/**). Camunda Forms cannot preview files.
 */
@Controller
class StaffViewerController {

    private final Applications applications;
    private final Candidates candidates;
    private final ExamSessions sessions;
    private final AuditSearch audit;

    StaffViewerController(Applications applications, Candidates candidates, ExamSessions sessions, AuditSearch audit) {
        this.audit = audit;
        this.applications = applications;
        this.candidates = candidates;
        this.sessions = sessions;
    }

    @GetMapping("/staff/applications/{applicationId}")
    String application(@PathVariable long applicationId, Model model, HttpServletRequest request) {
        Application application = applications.get(applicationId);
        model.addAttribute("record", application);
        model.addAttribute("candidate", candidates.get(application.getCandidateId()));
        model.addAttribute("examSession", sessions.get(application.getSessionId()));
        model.addAttribute("documents", applications.currentDocuments(applicationId));
        if (request.isUserInRole("MANAGER")) { // the case's audit trail is for managers only
            model.addAttribute("auditEntries", audit.ofApplication(application.getApplicationNumber()));
        }
        return "staff/application";
    }

    @GetMapping("/staff/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable long documentId) {
        DocumentContent content = applications.readDocument(documentId);
        return FileResponses.inline(content.filename(), content.contentType(), content.bytes());
    }
}
