package cn.cabr.carbon.security;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.cabr.carbon.application.PasswordPolicy;
import cn.cabr.carbon.shared.ApiErrorHandler;
import cn.cabr.carbon.shared.BusinessException;

/**
 * Forgotten password: ask for the link ({@code /password/forgot}), then set a new password through it
 * ({@code /password/reset?token=…}), then sign in on the login page.
 */
@Controller
class PasswordResetPageController {

    private static final String LOGIN_PATTERN = "1[3-9]\\d{9}|[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final PasswordResets passwordResets;
    private final AccountSettings settings;

    PasswordResetPageController(PasswordResets passwordResets, AccountSettings settings) {
        this.passwordResets = passwordResets;
        this.settings = settings;
    }

    @GetMapping("/password/forgot")
    String forgot(Model model) {
        return forgotPage(model);
    }

    @PostMapping("/password/forgot")
    String requestLink(@RequestParam(name = "login", required = false) String login, Model model,
            HttpServletResponse response) {
        String value = login == null ? "" : login.strip();
        String problem = value.isEmpty() ? "请填写注册时使用的手机号码或电子邮箱"
                : !value.matches(LOGIN_PATTERN) ? "请输入 11 位手机号码或电子邮箱地址（例如 zhangsan@example.com）" : null;
        if (problem != null) {
            model.addAttribute("login", value);
            model.addAttribute("loginError", problem);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return forgotPage(model);
        }
        passwordResets.request(value);
        return "redirect:/password/forgot?sent";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(name = "token", required = false) String token, Model model,
            HttpServletResponse response) {
        noReferrer(response);
        try {
            passwordResets.check(token);
        } catch (BusinessException e) {
            return linkRefused(e, model, response);
        }
        model.addAttribute("token", token.strip());
        return resetPage(model);
    }

    @PostMapping("/password/reset")
    String reset(@RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "passwordConfirmation", required = false) String confirmation, Model model,
            HttpServletResponse response) {
        noReferrer(response);
        List<String> passwordErrors = PasswordPolicy.problems(password);
        String confirmationError = confirmation == null || confirmation.isEmpty() ? "请再次输入新密码"
                : !confirmation.equals(password) ? "两次输入的密码不一致" : null;
        if (passwordErrors.isEmpty() && confirmationError == null) {
            try {
                passwordResets.reset(token, password);
                return "redirect:/login?reset";
            } catch (BusinessException e) {
                if (!e.code().startsWith("RESET_LINK")) {
                    passwordErrors = List.of(e.getMessage());
                } else {
                    return linkRefused(e, model, response);
                }
            }
        }
        model.addAttribute("token", token);
        model.addAttribute("passwordErrors", passwordErrors);
        model.addAttribute("confirmationError", confirmationError);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return resetPage(model);
    }

    private String forgotPage(Model model) {
        model.addAttribute("validityMinutes", settings.resetLinkValidity().toMinutes());
        return "account/forgot-password";
    }

    private static String resetPage(Model model) {
        model.addAttribute("passwordRules", PasswordPolicy.RULES);
        return "account/reset-password";
    }

    /** The link cannot be used: say why and offer to ask for a new one. */
    private static String linkRefused(BusinessException e, Model model, HttpServletResponse response) {
        response.setStatus(ApiErrorHandler.statusOf(e.kind()).value());
        model.addAttribute("linkError", e.getMessage());
        return "account/reset-password";
    }

    /** The token is in the address: no other site may see it in a Referer header. */
    private static void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
