package cn.cabr.carbon.application;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.FileResponses;

/** The candidate's applications and documents. Every call is scoped to the signed-in candidate. */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    private final Applications applications;
    private final ExamSessions sessions;

    ApplicationController(Applications applications, ExamSessions sessions) {
        this.applications = applications;
        this.sessions = sessions;
    }

    record NewApplication(@NotBlank(message = "请选择考期") String sessionCode,
            @NotNull(message = "请填写报名信息") @Valid ApplicantDetails details) {
    }

    record DocumentView(long id, DocumentType type, String typeLabel, String filename, String contentType, long size,
            String sha256, Instant uploadedAt) {

        static DocumentView of(ApplicationDocument d) {
            return new DocumentView(d.getId(), d.getDocumentType(), d.getDocumentType().label(), d.getOriginalFilename(),
                    d.getContentType(), d.getSizeBytes(), d.getSha256(), d.getUploadedAt());
        }
    }

    record ApplicationView(String applicationNumber, String sessionCode, String sessionName, ApplicationStatus status,
            String statusLabel, CaseOutcome outcome, String outcomeLabel, String closingReason, ApplicantDetails details,
            Set<DocumentType> supplementRequested, List<DocumentView> documents,
            Instant submittedAt) {
    }

    @PostMapping
    ResponseEntity<ApplicationView> create(@AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody NewApplication request) {
        Application application = applications.createDraft(user.requireCandidateId(), request.sessionCode(),
                request.details());
        return ResponseEntity.created(URI.create("/api/applications/" + application.getApplicationNumber()))
                .body(view(application));
    }

    @GetMapping
    List<ApplicationView> mine(@AuthenticationPrincipal SignedInUser user) {
        return applications.listOwned(user.requireCandidateId()).stream().map(this::view).toList();
    }

    @GetMapping("/{number}")
    ApplicationView one(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return view(applications.getOwned(user.requireCandidateId(), number));
    }

    @PutMapping("/{number}")
    ApplicationView update(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @Valid @RequestBody ApplicantDetails details) {
        return view(applications.updateDraft(user.requireCandidateId(), number, details));
    }

    @PostMapping(path = "/{number}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentView> upload(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @RequestParam("type") DocumentType type, @RequestParam("file") MultipartFile file) throws IOException {
        ApplicationDocument document = applications.upload(user.requireCandidateId(), number, type,
                file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/applications/" + number + "/documents/" + document.getId()))
                .body(DocumentView.of(document));
    }

    @GetMapping("/{number}/documents/{documentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @PathVariable long documentId) {
        DocumentContent content = applications.readOwnedDocument(user.requireCandidateId(), number, documentId);
        return FileResponses.inline(content.filename(), content.contentType(), content.bytes());
    }

    @DeleteMapping("/{number}/documents/{documentId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SignedInUser user, @PathVariable String number,
            @PathVariable long documentId) {
        applications.deleteDocument(user.requireCandidateId(), number, documentId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{number}/submit")
    ApplicationView submit(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return view(applications.submit(user.requireCandidateId(), number));
    }

    @PostMapping("/{number}/resubmit")
    ApplicationView resubmit(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        return view(applications.resubmit(user.requireCandidateId(), number));
    }

    private ApplicationView view(Application a) {
        var session = sessions.get(a.getSessionId());
        List<DocumentView> documents = applications.currentDocuments(a.getId()).stream().map(DocumentView::of).toList();
        return new ApplicationView(a.getApplicationNumber(), session.getCode(), session.getName(), a.getStatus(),
                a.getStatus().label(), a.getOutcome(), a.getOutcome() == null ? null : a.getOutcome().label(),
                a.getClosingReason(), a.details(), a.getSupplementTypes(), documents,
                a.getSubmittedAt());
    }
}
