package cn.cabr.carbon.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import cn.cabr.carbon.shared.BusinessException;

/**
 * Whoever is signed in: a candidate (the application's own account, by mobile number) or a staff member
 * (a Camunda identity-service user, with its groups).
 */
public record SignedInUser(String username, String displayName, Long candidateId, Set<String> staffGroups)
        implements AuthenticatedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static SignedInUser candidate(long candidateId, String mobile, String fullName) {
        return new SignedInUser(mobile, fullName, candidateId, Set.of());
    }

    public static SignedInUser staff(String userId, String displayName, Set<String> groups) {
        return new SignedInUser(userId, displayName, null, Set.copyOf(groups));
    }

    /** The name the servlet container and Camunda's single sign-on see: the login name. */
    @Override
    public String getName() {
        return username;
    }

    public boolean isCandidate() {
        return candidateId != null;
    }

    /** The candidate's id, or a refusal when a staff member calls a candidate-only operation. */
    public long requireCandidateId() {
        if (candidateId == null) {
            throw BusinessException.forbidden("CANDIDATES_ONLY", "此功能仅供考生使用");
        }
        return candidateId;
    }

    public Collection<GrantedAuthority> authorities() {
        if (isCandidate()) {
            return List.of(new SimpleGrantedAuthority(Roles.CANDIDATE));
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Roles.STAFF));
        staffGroups.forEach(g -> authorities.add(new SimpleGrantedAuthority("ROLE_" + g.toUpperCase().replace('-', '_'))));
        return authorities;
    }
}
