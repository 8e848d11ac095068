package cn.cabr.carbon.security;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.shared.Dates;

/**
 * One login for everybody: a staff member is a Camunda identity-service user (checked by the engine, so Camunda
 * Admin manages staff), anyone else is a candidate signing in with their mobile number or e-mail address. Every
 * account, staff included, is locked after consecutive failures ({@link LoginLockout}); unknown names are counted
 * and answered the same way, so the answer never tells whether an account exists.
 */
@Component
class PortalAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "用户名或密码错误";

    private final IdentityService identityService;
    private final Candidates candidates;
    private final PasswordEncoder passwordEncoder;
    private final LoginLockout lockout;
    private final AccountSettings settings;
    private final ZoneId zone;
    /** Compared against when the user is unknown, so that a wrong user name takes as long as a wrong password. */
    private final String dummyHash;

    PortalAuthenticationProvider(IdentityService identityService, Candidates candidates, PasswordEncoder passwordEncoder,
            LoginLockout lockout, AccountSettings settings, ZoneId businessZone) {
        this.identityService = identityService;
        this.candidates = candidates;
        this.passwordEncoder = passwordEncoder;
        this.lockout = lockout;
        this.settings = settings;
        this.zone = businessZone;
        this.dummyHash = passwordEncoder.encode("no-such-user-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        User staff = username.isEmpty() ? null : identityService.createUserQuery().userId(username).singleResult();
        Optional<Candidate> candidate = staff == null ? candidates.findByLogin(username) : Optional.empty();
        LoginLockout.AccountKey key = staff != null ? LoginLockout.AccountKey.staff(staff.getId())
                : candidate.map(c -> LoginLockout.AccountKey.candidate(c.getId()))
                        .orElseGet(() -> LoginLockout.AccountKey.unknown(username));

        Optional<Instant> lockedUntil = lockout.lockedUntil(key);
        if (lockedUntil.isPresent()) {
            throw locked(lockedUntil.get());
        }
        Optional<SignedInUser> user = staff != null ? staff(staff, password) : candidate(candidate, password);
        if (user.isEmpty()) {
            LoginLockout.Failure failure = lockout.recordFailure(key);
            if (failure.locked()) {
                throw locked(failure.lockedUntil());
            }
            throw new BadCredentialsException(BAD_CREDENTIALS + "。再连续输错 " + failure.remainingAttempts()
                    + " 次，账号将被锁定 " + settings.lockoutDuration().toMinutes() + " 分钟。");
        }
        lockout.clear(key);
        return UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().authorities());
    }

    private AccountLockedException locked(Instant until) {
        return new AccountLockedException("连续登录失败次数过多，账号已被锁定至 " + Dates.dateTime(until, zone)
                + "（北京时间），请届时再试；如忘记密码，可通过“忘记密码”重设。", until);
    }

    private Optional<SignedInUser> staff(User user, String password) {
        if (!identityService.checkPassword(user.getId(), password)) {
            return Optional.empty();
        }
        Set<String> groups = identityService.createGroupQuery().groupMember(user.getId()).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        String name = (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())).strip();
        return Optional.of(SignedInUser.staff(user.getId(), name.isEmpty() ? user.getId() : name, groups));
    }

    private Optional<SignedInUser> candidate(Optional<Candidate> candidate, String password) {
        if (candidate.isEmpty()) {
            passwordEncoder.matches(password, dummyHash);
            return Optional.empty();
        }
        Candidate c = candidate.get();
        if (!passwordEncoder.matches(password, c.getPasswordHash())) {
            return Optional.empty();
        }
        return Optional.of(SignedInUser.candidate(c.getId(), c.getMobile(), c.getFullName()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
