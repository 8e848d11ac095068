package cn.cabr.carbon.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.application.Registration;
import cn.cabr.carbon.shared.ApiError;

/** Registration and sign-in for API clients (the portal's pages use the same accounts). */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final Candidates candidates;
    private final AuthenticationManager authenticationManager;
    private final SessionSignIn sessionSignIn;
    private final Clock clock;

    AuthController(Candidates candidates, AuthenticationManager authenticationManager, SessionSignIn sessionSignIn,
            Clock clock) {
        this.candidates = candidates;
        this.authenticationManager = authenticationManager;
        this.sessionSignIn = sessionSignIn;
        this.clock = clock;
    }

    record Credentials(@NotBlank(message = "请填写用户名") String username, @NotBlank(message = "请填写密码") String password) {

        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    record Me(String username, String displayName, boolean candidate, List<String> roles) {

        static Me of(SignedInUser user) {
            return new Me(user.username(), user.displayName(), user.isCandidate(),
                    user.authorities().stream().map(a -> a.getAuthority()).toList());
        }
    }

    record Registered(long candidateId, String mobile, String fullName, String maskedIdNumber) {
    }

    /** Issues the CSRF cookie (XSRF-TOKEN); send its value back in the X-XSRF-TOKEN header. */
    @GetMapping("/csrf")
    CsrfToken csrf(CsrfToken token) {
        return token;
    }

    @PostMapping("/register")
    ResponseEntity<Registered> register(@Valid @RequestBody Registration registration) {
        Candidate c = candidates.register(registration);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Registered(c.getId(), c.getMobile(), c.getFullName(), c.getMaskedIdNumber()));
    }

    @PostMapping("/login")
    ResponseEntity<?> login(@Valid @RequestBody Credentials credentials, HttpServletRequest request,
            HttpServletResponse response) {
        Authentication authentication;
        try {
            authentication = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password()));
        } catch (AccountLockedException e) {
            long seconds = Math.max(1, Duration.between(clock.instant(), e.lockedUntil()).toSeconds());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                    .body(ApiError.of("ACCOUNT_LOCKED", e.getMessage()));
        } catch (BadCredentialsException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ApiError.of("BAD_CREDENTIALS", e.getMessage()));
        } catch (AuthenticationException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(ApiError.of("BAD_CREDENTIALS", PortalAuthenticationProvider.BAD_CREDENTIALS));
        }
        sessionSignIn.signIn(authentication, request, response);
        return ResponseEntity.ok(Me.of((SignedInUser) authentication.getPrincipal()));
    }

    @GetMapping("/me")
    ResponseEntity<?> me(@AuthenticationPrincipal SignedInUser user) {
        if (user == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ApiError.of("UNAUTHENTICATED", "尚未登录"));
        }
        return ResponseEntity.ok(Me.of(user));
    }
}
