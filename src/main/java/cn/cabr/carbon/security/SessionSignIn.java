package cn.cabr.carbon.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a person in to the HTTP session outside the login form: after the JSON login and right after registering.
 * The session id changes (no session fixation), as with the form login.
 */
@Component
class SessionSignIn {

    private final SecurityContextRepository securityContextRepository;
    private final ChangeSessionIdAuthenticationStrategy sessionFixation = new ChangeSessionIdAuthenticationStrategy();

    SessionSignIn(SecurityContextRepository securityContextRepository) {
        this.securityContextRepository = securityContextRepository;
    }

    void signIn(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
        signIn(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()), request, response);
    }

    void signIn(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        sessionFixation.onAuthentication(authentication, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        securityContextRepository.saveContext(context, request, response);
    }
}
