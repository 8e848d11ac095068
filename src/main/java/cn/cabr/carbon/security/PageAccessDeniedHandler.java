package cn.cabr.carbon.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A refused page request shows the error page with status 403; a form refused for its missing or stale CSRF token
 * says so (the error page shows the {@code message} request attribute), instead of a bare "no permission".
 */
class PageAccessDeniedHandler implements AccessDeniedHandler {

    static final String CSRF_MESSAGE = "页面已过期或无法确认提交来自本站（安全令牌缺失或失效）。请返回上一页，刷新后重新提交。";

    private final AccessDeniedHandler standard = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        if (e instanceof CsrfException) {
            request.setAttribute("message", CSRF_MESSAGE);
        }
        standard.handle(request, response, e);
    }
}
