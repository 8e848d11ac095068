package cn.cabr.carbon.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.security.SignedInUser;
import cn.cabr.carbon.shared.BusinessException;

/** Managers read and maintain a year of the working-day calendar (holidays and adjusted working weekends). */
@RestController
class WorkingCalendarController {

    private final WorkingDays workingDays;

    WorkingCalendarController(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** What a manager submits: the date as yyyy-MM-dd, the kind, and the holiday's name. */
    record DayInput(String date, String kind, String name) {
    }

    record DayView(LocalDate date, CalendarDayKind kind, String kindLabel, String weekday, String name) {
    }

    @GetMapping("/api/manager/working-calendar/{year}")
    List<DayView> year(@PathVariable int year) {
        return view(workingDays.year(year));
    }

    @PutMapping("/api/manager/working-calendar/{year}")
    List<DayView> replace(@AuthenticationPrincipal SignedInUser manager, @PathVariable int year,
            @RequestBody List<DayInput> days) {
        List<WorkingDays.Entry> entries = new ArrayList<>();
        for (DayInput day : days) {
            entries.add(new WorkingDays.Entry(date(day), kind(day), day == null ? null : day.name()));
        }
        return view(workingDays.replaceYear(year, entries, manager.username()));
    }

    private static LocalDate date(DayInput day) {
        if (day == null || day.date() == null) {
            return null;
        }
        try {
            return LocalDate.parse(day.date().strip());
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid("CALENDAR_DATE_INVALID", "日期格式应为 yyyy-MM-dd：" + day.date());
        }
    }

    private static CalendarDayKind kind(DayInput day) {
        if (day == null || day.kind() == null) {
            return null;
        }
        try {
            return CalendarDayKind.valueOf(day.kind().strip());
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("CALENDAR_KIND_INVALID",
                    "类型只能是 HOLIDAY（放假）或 ADJUSTED_WORKDAY（调休上班）：" + day.kind());
        }
    }

    private static List<DayView> view(List<WorkingDays.Entry> entries) {
        return entries.stream().map(e -> new DayView(e.date(), e.kind(), e.kind().label(), WorkingDays.weekday(e.date()),
                e.name())).toList();
    }
}
