package cn.cabr.carbon.security;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.application.IdCardNumber;
import cn.cabr.carbon.application.PasswordPolicy;
import cn.cabr.carbon.application.Registration;
import cn.cabr.carbon.shared.BusinessException;

/**
 * The registration page: the same checks as the API (the {@link Registration} constraints, the ID-card number,
 * one account per mobile number, e-mail address and ID-card number), each refusal shown beside its field; on
 * success the candidate is signed in and lands on the home page.
 */
@Controller
class RegistrationPageController {

    /** Which field a refusal of {@link Candidates#register} belongs to. */
    private static final Map<String, String> FIELD_OF_CODE = Map.of(
            "ID_NUMBER_INVALID", "idNumber",
            "ID_NUMBER_TAKEN", "idNumber",
            "MOBILE_TAKEN", "mobile",
            "EMAIL_TAKEN", "email",
            "EMAIL_REQUIRED", "email",
            "PASSWORD_TOO_WEAK", "password");

    private final Candidates candidates;
    private final Validator validator;
    private final SessionSignIn sessionSignIn;
    private final Clock clock;
    private final ZoneId zone;

    RegistrationPageController(Candidates candidates, Validator validator, SessionSignIn sessionSignIn, Clock clock,
            ZoneId businessZone) {
        this.candidates = candidates;
        this.validator = validator;
        this.sessionSignIn = sessionSignIn;
        this.clock = clock;
        this.zone = businessZone;
    }

    @GetMapping("/register")
    String form(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (user != null) {
            return "redirect:/";
        }
        model.addAttribute("form", new RegistrationForm());
        return page(model);
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") RegistrationForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Registration registration = form.toRegistration();
        check(registration, errors);
        if (form.getPasswordConfirmation() == null || form.getPasswordConfirmation().isEmpty()) {
            errors.rejectValue("passwordConfirmation", "required", "请再次输入密码");
        } else if (!form.getPasswordConfirmation().equals(form.getPassword())) {
            errors.rejectValue("passwordConfirmation", "mismatch", "两次输入的密码不一致");
        }
        if (!errors.hasErrors()) {
            try {
                Candidate candidate = candidates.register(registration);
                sessionSignIn.signIn(SignedInUser.candidate(candidate.getId(), candidate.getMobile(),
                        candidate.getFullName()), request, response);
                return "redirect:/";
            } catch (BusinessException e) {
                String field = FIELD_OF_CODE.get(e.code());
                if (field == null) {
                    errors.reject(e.code(), e.getMessage());
                } else {
                    errors.rejectValue(field, e.code(), e.getMessage());
                }
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model);
    }

    /**
     * Every problem at once, one message per field (a missing value is just missing), except the password, whose
     * broken rules are all listed, in the order the page shows them.
     */
    private void check(Registration registration, BindingResult errors) {
        Map<String, List<ConstraintViolation<Registration>>> byField = validator.validate(registration).stream()
                .collect(Collectors.groupingBy(v -> v.getPropertyPath().toString(), TreeMap::new, Collectors.toList()));
        byField.forEach((field, violations) -> {
            if (field.equals("password")) {
                PasswordPolicy.problems(registration.password()).forEach(p -> errors.rejectValue(field, "weak", p));
                return;
            }
            ConstraintViolation<Registration> first = violations.stream()
                    .filter(v -> v.getConstraintDescriptor().getAnnotation() instanceof NotBlank).findFirst()
                    .orElse(violations.get(0));
            errors.rejectValue(field, "invalid", first.getMessage());
        });
        if (!errors.hasFieldErrors("idNumber")) {
            try {
                IdCardNumber.parse(registration.idNumber(), LocalDate.now(clock.withZone(zone)));
            } catch (BusinessException e) {
                errors.rejectValue("idNumber", e.code(), e.getMessage());
            }
        }
    }

    private static String page(Model model) {
        model.addAttribute("passwordRules", PasswordPolicy.RULES);
        return "account/register";
    }
}
