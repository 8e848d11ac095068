package cn.cabr.carbon.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * The working-day rule over a set of exceptions, without any storage: Monday to Friday are working days unless
 * listed as a holiday; Saturday and Sunday are not, unless listed as an adjusted working day (调休上班).
 */
public final class WorkingCalendar {

    private final Map<LocalDate, CalendarDayKind> exceptions;

    public WorkingCalendar(Map<LocalDate, CalendarDayKind> exceptions) {
        this.exceptions = Map.copyOf(exceptions);
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarDayKind kind = exceptions.get(date);
        if (kind != null) {
            return kind == CalendarDayKind.ADJUSTED_WORKDAY;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code n}th working day after {@code day} (not counting {@code day} itself, whether or not it is a working
     * day): n = 1 is the next working day.
     */
    public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        LocalDate date = day;
        int counted = 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }
}
