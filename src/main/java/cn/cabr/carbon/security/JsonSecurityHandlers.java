package cn.cabr.carbon.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cabr.carbon.shared.ApiError;

/** 401 and 403 for API clients: JSON with a code and a Chinese message, like every other API error. */
final class JsonSecurityHandlers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSecurityHandlers() {
    }

    static AuthenticationEntryPoint unauthorized(String wwwAuthenticate) {
        return (request, response, e) -> {
            if (wwwAuthenticate != null) {
                response.setHeader("WWW-Authenticate", wwwAuthenticate);
            }
            write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    ApiError.of("UNAUTHENTICATED", "请先登录（未提供有效的登录凭据）"));
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpServletResponse.SC_FORBIDDEN, e instanceof CsrfException
                ? ApiError.of("CSRF_TOKEN_INVALID", "缺少或无效的 CSRF 令牌：请先访问 GET /api/auth/csrf，并在请求头 X-XSRF-TOKEN 中回传 Cookie XSRF-TOKEN 的值")
                : ApiError.of("FORBIDDEN", "没有权限执行此操作"));
    }

    static void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(error));
    }
}
