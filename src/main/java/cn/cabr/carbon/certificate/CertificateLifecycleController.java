package cn.cabr.carbon.certificate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.shared.FileResponses;

/** Managers: revoke or reissue a certificate, look one up, export the session's register. */
@RestController
class CertificateLifecycleController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CertificateLifecycle lifecycle;
    private final CertificateRegister register;

    CertificateLifecycleController(CertificateLifecycle lifecycle, CertificateRegister register) {
        this.lifecycle = lifecycle;
        this.register = register;
    }

    record RevocationRequest(String reason) {
    }

    record ReissueRequest(String reason, String correctedName) {
    }

    record ChangeAccepted(long changeId, String certificateNumber, String kind, String message) {

        static ChangeAccepted of(String number, CertificateChange change, String message) {
            return new ChangeAccepted(change.getId(), number, change.getKind().name(), message);
        }
    }

    @PostMapping("/api/manager/certificates/{number}/revocation")
    ResponseEntity<ChangeAccepted> revoke(@AuthenticationPrincipal SignedInUser manager, @PathVariable String number,
            @RequestBody(required = false) RevocationRequest request) {
        CertificateChange change = lifecycle.requestRevocation(number, request == null ? null : request.reason(),
                manager.username());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(ChangeAccepted.of(number, change, "撤销申请已受理，证书将在数秒内标记为已撤销并通知考生"));
    }

    @PostMapping("/api/manager/certificates/{number}/reissue")
    ResponseEntity<ChangeAccepted> reissue(@AuthenticationPrincipal SignedInUser manager, @PathVariable String number,
            @RequestBody(required = false) ReissueRequest request) {
        CertificateChange change = lifecycle.requestReissue(number, request == null ? null : request.reason(),
                request == null ? null : request.correctedName(), manager.username());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(ChangeAccepted.of(number, change, "换发申请已受理，新证书生成后将通知考生"));
    }

    @GetMapping("/api/manager/certificates/{number}")
    CertificateRegister.ManagerView detail(@PathVariable String number) {
        return register.detail(number);
    }

    @GetMapping("/api/manager/certificates.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam("session") String sessionCode) {
        return FileResponses.attachment(sessionCode + "-证书登记簿.xlsx", XLSX, register.workbook(sessionCode));
    }
}
