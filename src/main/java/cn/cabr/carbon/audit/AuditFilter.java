package cn.cabr.carbon.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.cabr.carbon.shared.BusinessException;

/**
 * What a manager searches the audit log for; every part optional. {@code candidate} is an application number, a
 * candidate's mobile number or (part of) their name; the dates are calendar days in the business time zone, both
 * included.
 */
public record AuditFilter(String candidate, AuditAction action, String actor, LocalDate from, LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    public AuditFilter {
        candidate = blankToNull(candidate);
        actor = blankToNull(actor);
        if (from != null && to != null && to.isBefore(from)) {
            throw BusinessException.invalid("AUDIT_RANGE_INVALID", "结束日期不能早于开始日期");
        }
    }

    /** From request parameters: an unknown action or a malformed date is refused with a Chinese message. */
    public static AuditFilter parse(String candidate, String action, String actor, String from, String to) {
        return new AuditFilter(candidate, action(action), actor, date(from, "开始日期"), date(to, "结束日期"));
    }

    private static AuditAction action(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("AUDIT_ACTION_UNKNOWN", "未知的操作类型：" + value.strip());
        }
    }

    private static LocalDate date(String value, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid("AUDIT_DATE_INVALID", label + "格式不正确（应为 yyyy-MM-dd）：" + value.strip());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
