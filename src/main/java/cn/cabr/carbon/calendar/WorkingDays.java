package cn.cabr.carbon.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.shared.BusinessException;

/**
 * Working days on the Chinese calendar, kept as data (statutory holidays and adjusted working weekends, 调休), and
 * service-level due dates counted in them.
 * <p>
 * The due-date rule: a task created on day D (Beijing time) is due at the office closing time
 * ({@code certification.working-calendar.closing-time}, default 17:30) of the Nth working day after D. D itself
 * never counts, whether or not it is a working day or the task came in before closing time; so a task created on a
 * holiday or a weekend also gets N full working days.
 */
@Service
public class WorkingDays {

    private static final Logger log = LoggerFactory.getLogger(WorkingDays.class);
    static final int MAX_NAME_LENGTH = 60;

    /** One exception of a year as managers read and write it. */
    public record Entry(LocalDate date, CalendarDayKind kind, String name) {
    }

    private final CalendarDayRepository days;
    private final AuditLog auditLog;
    private final ZoneId zone;
    private final Clock clock;
    private final LocalTime closingTime;

    WorkingDays(CalendarDayRepository days, AuditLog auditLog, ZoneId businessZone, Clock clock,
            @Value("${certification.working-calendar.closing-time:17:30}") LocalTime closingTime) {
        this.days = days;
        this.auditLog = auditLog;
        this.zone = businessZone;
        this.clock = clock;
        this.closingTime = closingTime;
    }

    /** The moment a task created at {@code start} is due, {@code workingDays} working days later (see the class). */
    @Transactional(readOnly = true)
    public Instant dueAfter(Instant start, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be at least 1, was " + workingDays);
        }
        LocalDate startDay = start.atZone(zone).toLocalDate();
        // generous: N working days never span more than 2N + 30 calendar days on any official arrangement
        LocalDate until = startDay.plusDays(2L * workingDays + 30);
        LocalDate due = calendar(startDay, until).nthWorkingDayAfter(startDay, workingDays);
        return due.atTime(closingTime).atZone(zone).toInstant();
    }

    @Transactional(readOnly = true)
    public boolean isWorkingDay(LocalDate date) {
        return calendar(date, date).isWorkingDay(date);
    }

    @Transactional(readOnly = true)
    public List<Entry> year(int year) {
        checkYear(year);
        return days.findByDateBetweenOrderByDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(d -> new Entry(d.getDate(), d.getKind(), d.getName())).toList();
    }

    @Transactional(readOnly = true)
    public boolean hasDataFor(int year) {
        return days.existsByDateBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * Replaces a year's exceptions as a whole (the State Council publishes a year at once). Everything is checked
     * before anything is written: a refused list leaves the year as it was.
     */
    @Transactional
    public List<Entry> replaceYear(int year, List<Entry> entries, String actor) {
        checkYear(year);
        if (entries == null) {
            throw BusinessException.invalid("CALENDAR_EMPTY", "请提交该年度的节假日与调休上班日列表");
        }
        Set<LocalDate> seen = new HashSet<>();
        List<CalendarDay> rows = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry == null || entry.date() == null || entry.kind() == null) {
                throw BusinessException.invalid("CALENDAR_ENTRY_INCOMPLETE", "每一项都须有日期和类型（HOLIDAY 或 ADJUSTED_WORKDAY）");
            }
            LocalDate date = entry.date();
            if (date.getYear() != year) {
                throw BusinessException.invalid("CALENDAR_WRONG_YEAR", date + " 不属于 " + year + " 年");
            }
            if (!seen.add(date)) {
                throw BusinessException.invalid("CALENDAR_DUPLICATE_DATE", date + " 出现了不止一次");
            }
            if (entry.kind() == CalendarDayKind.ADJUSTED_WORKDAY && !isWeekend(date)) {
                throw BusinessException.invalid("CALENDAR_ADJUSTED_NOT_WEEKEND",
                        date + " 是" + weekday(date) + "，调休上班日只能是周六或周日");
            }
            String name = entry.name() == null ? "" : entry.name().strip();
            if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
                throw BusinessException.invalid("CALENDAR_NAME_INVALID",
                        date + " 须填写节日名称（不超过 " + MAX_NAME_LENGTH + " 个字）");
            }
            rows.add(new CalendarDay(date, entry.kind(), name));
        }
        List<Entry> before = year(year);
        days.deleteBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        days.saveAll(rows);
        auditLog.record(AuditAction.WORKING_CALENDAR_CHANGED, actor, null, null,
                year + " 年工作日历：" + summary(before) + " → " + summary(year(year)), null);
        return year(year);
    }

    /** A start-up warning where due dates would silently count only weekends: the year is not maintained yet. */
    @EventListener(ApplicationReadyEvent.class)
    public void warnAboutMissingYears() {
        int thisYear = LocalDate.now(clock.withZone(zone)).getYear();
        for (int year : List.of(thisYear, thisYear + 1)) {
            if (!hasDataFor(year)) {
                log.warn("The working-day calendar has no holidays or adjusted working days for {}: due dates in {} "
                        + "count only Saturdays and Sundays as rest days. Enter the State Council's arrangement with "
                        + "PUT /api/manager/working-calendar/{}", year, year, year);
            }
        }
    }

    private WorkingCalendar calendar(LocalDate from, LocalDate to) {
        Map<LocalDate, CalendarDayKind> exceptions = days.findByDateBetweenOrderByDate(from, to).stream()
                .collect(Collectors.toMap(CalendarDay::getDate, CalendarDay::getKind));
        return new WorkingCalendar(exceptions);
    }

    private static String summary(List<Entry> entries) {
        long holidays = entries.stream().filter(e -> e.kind() == CalendarDayKind.HOLIDAY).count();
        return holidays + " 天放假、" + (entries.size() - holidays) + " 天调休上班";
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw BusinessException.invalid("CALENDAR_YEAR_INVALID", "年份须在 2000 至 2100 之间");
        }
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.SIMPLIFIED_CHINESE);
    }
}
