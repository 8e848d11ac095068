package cn.cabr.carbon.security;

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

/**
 * One login for everybody: a staff member is a Camunda identity-service user (checked by the engine, so
 * Camunda Admin manages staff), anyone else is a candidate signing in with their mobile number.
 */
@Component
class PortalAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "用户名或密码错误";

    private final IdentityService identityService;
    private final Candidates candidates;
    private final PasswordEncoder passwordEncoder;
    /** Compared against when the user is unknown, so that a wrong user name takes as long as a wrong password. */
    private final String dummyHash;

    PortalAuthenticationProvider(IdentityService identityService, Candidates candidates, PasswordEncoder passwordEncoder) {
        this.identityService = identityService;
        this.candidates = candidates;
        this.passwordEncoder = passwordEncoder;
        this.dummyHash = passwordEncoder.encode("no-such-user-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        SignedInUser user = staff(username, password).or(() -> candidate(username, password))
                .orElseThrow(() -> new BadCredentialsException(BAD_CREDENTIALS));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    }

    private Optional<SignedInUser> staff(String username, String password) {
        User user = identityService.createUserQuery().userId(username).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        if (!identityService.checkPassword(username, password)) {
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        Set<String> groups = identityService.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        String name = (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())).strip();
        return Optional.of(SignedInUser.staff(username, name.isEmpty() ? username : name, groups));
    }

    private Optional<SignedInUser> candidate(String mobile, String password) {
        Optional<Candidate> candidate = candidates.findByMobile(mobile);
        if (candidate.isEmpty()) {
            passwordEncoder.matches(password, dummyHash);
            return Optional.empty();
        }
        if (!passwordEncoder.matches(password, candidate.get().getPasswordHash())) {
            return Optional.empty();
        }
        Candidate c = candidate.get();
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
