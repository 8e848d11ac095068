package cn.cabr.carbon.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The working-day rule on the calendar exactly as the V18 migration seeds it (read from the migration file, so the
 * seeded dates themselves are checked too), without Spring.
 */
class WorkingCalendarTests {

    static final Path MIGRATION = Path.of("src/main/resources/db/migration/V18__working_calendar.sql");
    static final Map<LocalDate, CalendarDayKind> SEED = new TreeMap<>();
    static final Map<LocalDate, String> NAMES = new TreeMap<>();
    static WorkingCalendar calendar;

    @BeforeAll
    static void readSeed() throws IOException {
        Matcher row = Pattern.compile("\\('(\\d{4}-\\d{2}-\\d{2})', '(\\w+)', '([^']+)'\\)").matcher(Files.readString(MIGRATION));
        while (row.find()) {
            LocalDate date = LocalDate.parse(row.group(1));
            assertThat(SEED.put(date, CalendarDayKind.valueOf(row.group(2)))).as("listed once: " + date).isNull();
            NAMES.put(date, row.group(3));
        }
        calendar = new WorkingCalendar(SEED);
    }

    @Test
    void nationalDay2026_theAdjustedWorkingSundayBeforeAndSaturdayAfterCount() {
        // Friday 18 September: Saturday 19 rests, Sunday 20 is worked (国庆节调休上班)
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 9, 18), 1)).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(LocalDate.of(2026, 9, 20).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        // Wednesday 30 September: 1-7 October rest; Thursday 8, Friday 9, and Saturday 10 (worked) are the three days
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 9, 30), 4)).isEqualTo(LocalDate.of(2026, 10, 12));
        // 中秋节 Friday 25 to Sunday 27 September
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 9, 24), 1)).isEqualTo(LocalDate.of(2026, 9, 28));
    }

    @Test
    void springFestival2026_nineDaysOff_withTwoWorkedSaturdays() {
        // Friday 13 February: Saturday 14 is worked, 15-23 rest, then Tuesday 24 and Wednesday 25
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 2, 13), 3)).isEqualTo(LocalDate.of(2026, 2, 25));
        // Friday 27 February: Saturday 28 is worked too
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 2, 27), 1)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).as("Monday, 初七").isFalse();
    }

    @Test
    void anOrdinaryWeekend_isSkipped() {
        // Friday 27 November 2026 + 3 working days: Monday 30 November, Tuesday 1 and Wednesday 2 December
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 11, 27), 3)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 11, 25), 1)).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void startingOnAHolidayOrAWeekend_givesTheFullNumberOfWorkingDays() {
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 10, 3), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 11, 28), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        // starting on an adjusted working Saturday does not count that Saturday either
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 10, 10), 1)).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void newYear2026_andLabourDay2025_adjustments() {
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 4));
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2025, 4, 25), 1)).isEqualTo(LocalDate.of(2025, 4, 27));
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2025, 4, 30), 1)).isEqualTo(LocalDate.of(2025, 5, 6));
    }

    @Test
    void theSeed_adjustedWorkingDaysAreWeekendDays_andTheHolidayPeriodsHaveTheirOfficialLength() {
        SEED.forEach((date, kind) -> {
            if (kind == CalendarDayKind.ADJUSTED_WORKDAY) {
                assertThat(date.getDayOfWeek()).as(date + " " + NAMES.get(date)).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            }
        });
        assertThat(holidays(2025, "国庆节、中秋节")).isEqualTo(8);
        assertThat(holidays(2025, "春节")).isEqualTo(8);
        assertThat(holidays(2026, "春节")).isEqualTo(9);
        assertThat(holidays(2026, "国庆节")).isEqualTo(7);
        assertThat(holidays(2026, "劳动节")).isEqualTo(5);
        assertThat(SEED.keySet()).allMatch(d -> d.getYear() == 2025 || d.getYear() == 2026);
        assertThat(SEED.values().stream().filter(k -> k == CalendarDayKind.ADJUSTED_WORKDAY).count()).isEqualTo(11);
    }

    @Test
    void zeroWorkingDays_isRefused() {
        assertThatThrownBy(() -> calendar.nthWorkingDayAfter(LocalDate.of(2026, 1, 5), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long holidays(int year, String name) {
        return SEED.entrySet().stream().filter(e -> e.getKey().getYear() == year && name.equals(NAMES.get(e.getKey()))
                && e.getValue() == CalendarDayKind.HOLIDAY).count();
    }
}
