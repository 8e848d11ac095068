package cn.cabr.carbon.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A refused form login goes back to the login page, which shows why (wrong credentials with the attempts left, or
 * locked until when) and keeps the login name typed.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    static final String MESSAGE = "LOGIN_ERROR_MESSAGE";
    static final String USERNAME = "LOGIN_USERNAME";

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        HttpSession session = request.getSession();
        // our provider's refusals are written for people; anything else (e.g. the database is down) is not
        boolean explained = exception instanceof AccountLockedException || exception instanceof BadCredentialsException;
        session.setAttribute(MESSAGE, explained ? exception.getMessage() : "登录暂时无法完成，请稍后重试");
        String username = request.getParameter("username");
        session.setAttribute(USERNAME, username == null ? "" : username.strip());
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
