package cn.cabr.carbon.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the staff member that Spring Security authenticated on {@code /engine-rest} to the engine, so its
 * authorization checks apply to the call. Without this, a Spring-authenticated REST call would run with no
 * engine user at all, and every user could see and claim every task.
 */
class EngineRestAuthorizationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    EngineRestAuthorizationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user) || user.isCandidate()) {
            // the security chain lets only staff through; anything else here is a wiring mistake
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        identityService.setAuthentication(user.username(), List.copyOf(user.staffGroups()));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
