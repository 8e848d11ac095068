package cn.cabr.carbon.certificate;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** 证书查验: the public pages (no login) a QR code or a typed number leads to. */
@Controller
class VerificationPageController {

    private final CertificateRegister register;

    VerificationPageController(CertificateRegister register) {
        this.register = register;
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) String number) {
        if (number != null && !number.isBlank()) {
            return "redirect:/verify/" + UriUtils.encodePathSegment(number.strip(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return "verify/form";
    }

    @GetMapping("/verify/{number}")
    String result(@PathVariable String number, Model model, HttpServletResponse response) {
        Optional<PublicCertificate> certificate = register.verify(number);
        model.addAttribute("number", number);
        if (certificate.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "verify/not-found";
        }
        model.addAttribute("certificate", certificate.get());
        return "verify/result";
    }
}
