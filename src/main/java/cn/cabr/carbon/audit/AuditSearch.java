package cn.cabr.carbon.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.PersonNames;

/**
 * Managers' view of the audit log: search by candidate, action, actor and date range, newest first, and the same
 * filter exported whole. Reading only: nothing here (or anywhere) changes an entry.
 */
@Service
@Transactional(readOnly = true)
public class AuditSearch {

    public static final int MAX_PAGE_SIZE = 200;
    /** An export holds at most this many entries (the newest); narrow the filter for older ones. */
    public static final int MAX_EXPORT = 10_000;

    /** One entry as lists and exports show it: the candidate's name masked. */
    public record Row(long id, Instant occurredAt, String occurredAtText, String actor, String action,
            String actionLabel, String applicationNumber, String maskedName, String sessionCode, String detail,
            String reason) {
    }

    public record Result(long total, int page, int pageSize, int pages, List<Row> entries) {
    }

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

    private final AuditEntryRepository entries;
    private final Applications applications;
    private final ZoneId zone;

    AuditSearch(AuditEntryRepository entries, Applications applications, ZoneId businessZone) {
        this.entries = entries;
        this.applications = applications;
        this.zone = businessZone;
    }

    /** One page (from 0) of the entries matching the filter, newest first. */
    public Result search(AuditFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw BusinessException.invalid("AUDIT_PAGE_INVALID", "页码不能为负数，每页条数应为 1–" + MAX_PAGE_SIZE);
        }
        Page<AuditEntry> found = entries.findAll(matching(filter), PageRequest.of(page, size, NEWEST_FIRST));
        return new Result(found.getTotalElements(), page, size, found.getTotalPages(), rows(found.getContent()));
    }

    /** Every entry matching the filter (up to {@link #MAX_EXPORT}, the newest), newest first. */
    public List<Row> export(AuditFilter filter) {
        return rows(entries.findAll(matching(filter), PageRequest.of(0, MAX_EXPORT, NEWEST_FIRST)).getContent());
    }

    /** Every entry about one case, oldest first (the case's trail on the staff viewer). */
    public List<Row> ofApplication(String applicationNumber) {
        return rows(entries.findByApplicationNumberOrderByOccurredAtAscIdAsc(applicationNumber));
    }

    /** The same as an Excel workbook. */
    public byte[] workbook(AuditFilter filter) {
        return AuditWorkbook.write(export(filter));
    }

    private Specification<AuditEntry> matching(AuditFilter filter) {
        Set<String> numbers = new LinkedHashSet<>();
        if (filter.candidate() != null) {
            numbers.add(filter.candidate());
            numbers.addAll(applications.numbersOfCandidate(filter.candidate()));
        }
        Instant from = filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant();
        Instant until = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant();
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (!numbers.isEmpty()) {
                all.add(root.get("applicationNumber").in(numbers));
            }
            if (filter.action() != null) {
                all.add(cb.equal(root.get("action"), filter.action()));
            }
            if (filter.actor() != null) {
                all.add(cb.equal(root.get("actor"), filter.actor()));
            }
            if (from != null) {
                all.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from));
            }
            if (until != null) {
                all.add(cb.lessThan(root.get("occurredAt"), until));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    private List<Row> rows(List<AuditEntry> found) {
        Map<String, String> names = applications.candidateNames(found.stream().map(AuditEntry::getApplicationNumber)
                .filter(Objects::nonNull).distinct().toList());
        return found.stream().map(e -> new Row(e.getId(), e.getOccurredAt(), SECONDS.format(e.getOccurredAt().atZone(zone)),
                e.getActor(), e.getAction().name(), e.getAction().label(), e.getApplicationNumber(),
                e.getApplicationNumber() == null || !names.containsKey(e.getApplicationNumber()) ? null
                        : PersonNames.mask(names.get(e.getApplicationNumber())),
                e.getSessionCode(), e.getDetail(), e.getReason())).toList();
    }
}
