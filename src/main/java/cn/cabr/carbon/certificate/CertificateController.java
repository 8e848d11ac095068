package cn.cabr.carbon.certificate;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.application.DocumentContent;
import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.shared.FileResponses;

@RestController
class CertificateController {

    private final Certificates certificates;

    CertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/api/applications/{number}/certificate")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedInUser user, @PathVariable String number) {
        DocumentContent pdf = certificates.download(user.requireCandidateId(), number);
        return FileResponses.attachment(pdf.filename(), pdf.contentType(), pdf.bytes());
    }
}
