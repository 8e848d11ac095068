package cn.cabr.carbon.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.shared.BusinessException;

/**
 * The audit log's API. A decision and its audit entry commit together: {@link #record} joins the caller's
 * transaction, so a decision that rolls back leaves no entry and an entry never exists without its decision.
 */
@Service
public class AuditLog {

    /** The actor of a step no person took directly (a timer, the start-up data). */
    public static final String SYSTEM = "system";

    private static final int DETAIL_LIMIT = 2000;
    private static final int REASON_LIMIT = 1000;

    private final AuditEntryRepository entries;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Records one decision.
     *
     * @param actor             the staff member's login (or {@code system} for an automatic step a person triggered)
     * @param applicationNumber the case it concerns, or null for a session-wide decision
     * @param sessionCode       the exam session it concerns, or null when unknown
     * @param detail            what was decided, in Chinese, readable without other context
     * @param reason            why, as the person gave it; null when the decision has no reason field
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry record(AuditAction action, String actor, String applicationNumber, String sessionCode,
            String detail, String reason) {
        if (action == null || actor == null || actor.isBlank() || detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an action, an actor and a detail");
        }
        return entries.save(new AuditEntry(clock.instant(), actor, action, applicationNumber, sessionCode,
                cut(detail, DETAIL_LIMIT), reason == null ? null : cut(reason, REASON_LIMIT)));
    }

    /** Every entry about one case, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> forApplication(String applicationNumber) {
        if (applicationNumber == null || applicationNumber.isBlank()) {
            throw BusinessException.invalid("AUDIT_APPLICATION_REQUIRED", "请填写申请编号");
        }
        return entries.findByApplicationNumberOrderByOccurredAtAscIdAsc(applicationNumber.trim());
    }

    /**
     * Who is deciding, for services whose callers do not pass a name: the signed-in staff member of the current
     * request, else {@code system} (a scheduled or start-up step).
     */
    public String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken || authentication.getName() == null
                || authentication.getName().isBlank()) {
            return SYSTEM;
        }
        return authentication.getName();
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
