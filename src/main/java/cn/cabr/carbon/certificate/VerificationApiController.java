package cn.cabr.carbon.certificate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.shared.BusinessException;

/** Public verification as JSON (no login; rate-limited per client address). */
@RestController
class VerificationApiController {

    private final CertificateRegister register;

    VerificationApiController(CertificateRegister register) {
        this.register = register;
    }

    @GetMapping("/api/public/certificates/{number}")
    PublicCertificate verify(@PathVariable String number) {
        return register.verify(number).orElseThrow(() -> BusinessException.notFound("CERTIFICATE_NOT_FOUND",
                "未查询到该证书编号，请核对后重试"));
    }
}
