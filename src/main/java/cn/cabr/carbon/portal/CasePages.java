package cn.cabr.carbon.portal;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.cabr.carbon.adjudication.TechnicalRemedies;
import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.ApplicationDocument;
import cn.cabr.carbon.application.ApplicationStatus;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.casefile.CaseFiles;
import cn.cabr.carbon.casefile.CaseStatus;
import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.proctoring.Proctoring;
import cn.cabr.carbon.review.Reviews;
import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.session.Milestone;

/** "My case": where the application stands, what to do next, the result and the certificate; and notifications. */
@Controller
class CasePages {

    private final Applications applications;
    private final CaseFiles caseFiles;
    private final Reviews reviews;
    private final ExamDelivery delivery;
    private final Proctoring proctoring;
    private final Notifications notifications;
    private final PortalDates dates;
    private final TechnicalRemedies remedies;

    CasePages(Applications applications, CaseFiles caseFiles, Reviews reviews, ExamDelivery delivery,
            Proctoring proctoring, Notifications notifications, PortalDates dates, TechnicalRemedies remedies) {
        this.remedies = remedies;
        this.applications = applications;
        this.caseFiles = caseFiles;
        this.reviews = reviews;
        this.delivery = delivery;
        this.proctoring = proctoring;
        this.notifications = notifications;
        this.dates = dates;
    }

    @GetMapping("/applications/{number}")
    String caseFile(@AuthenticationPrincipal SignedInUser user, @PathVariable String number, Model model) {
        long candidateId = user.requireCandidateId();
        Application application = applications.getOwned(candidateId, number);
        CaseStatus status = caseFiles.status(candidateId, number);
        boolean flagged = delivery.findByApplication(application.getId()).map(s -> proctoring.isFlagged(s.getId()))
                .orElse(false);
        model.addAttribute("record", application);
        model.addAttribute("status", status);
        TechnicalRemedies.RemedyView remedy = remedies.viewFor(application.getId()).orElse(null);
        model.addAttribute("remedy", remedy);
        model.addAttribute("timeline", CaseTimeline.withRemedy(CaseTimeline.of(status, application.getSubmittedAt(),
                reviews.history(application.getId()), flagged, dates::dateTime,
                application.getStatus() == ApplicationStatus.SUPPLEMENT_REQUESTED ? applications.materialsDeadline(application)
                        : null), remedy, dates::dateTime));
        model.addAttribute("examOpen", List.of("WAITING_FOR_EXAM", "EXAM_READY", "EXAM_IN_PROGRESS").contains(status.stage()));
        if (application.getStatus() == ApplicationStatus.SUPPLEMENT_REQUESTED) {
            List<ApplicationDocument> documents = applications.currentDocuments(application.getId());
            model.addAttribute("files", ApplicationPages.filesByType(documents));
            model.addAttribute("requestedTypes", application.getSupplementTypes());
            model.addAttribute("materialsCloseAt", applications.materialsDeadline(application));
        }
        model.addAttribute("notifications", notifications.forApplication(application.getId()));
        return "portal/case";
    }

    @GetMapping("/notifications")
    String notifications(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("notifications", notifications.forCandidate(user.requireCandidateId()));
        return "portal/notifications";
    }
}
