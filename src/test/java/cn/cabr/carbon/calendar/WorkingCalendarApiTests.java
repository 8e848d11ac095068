package cn.cabr.carbon.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** The seeded calendar in the real database, the due-date rule in Beijing time, and the managers' API. */
@IntegrationTest
class WorkingCalendarApiTests {

    @Autowired
    WorkingDays workingDays;
    @Autowired
    CaseFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void dueAtClosingTimeBeijing_ofTheNthWorkingDayAfterTheBeijingDay() {
        // 01:00 on Wednesday 30 September 2026 in Beijing (still the 29th in UTC); 8, 9 and 10 (worked Saturday) October
        assertThat(workingDays.dueAfter(Instant.parse("2026-09-29T17:00:00Z"), 3))
                .isEqualTo(Instant.parse("2026-10-10T09:30:00Z"));
        // 23:00 on Friday 13 February 2026 in Beijing: Saturday 14 is worked, then the Spring Festival until the 23rd
        assertThat(workingDays.dueAfter(Instant.parse("2026-02-13T15:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-02-24T09:30:00Z"));
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(workingDays.hasDataFor(2026)).isTrue();
    }

    @Test
    void aManagerReadsAYear_otherStaffMayNot() {
        ApiClient.Response year = fixtures.staff("manager").get("/api/manager/working-calendar/2026");
        assertThat(year.status()).isEqualTo(200);
        JsonNode sunday = find(year.json(), "2026-09-20");
        assertThat(sunday.get("kind").asText()).isEqualTo("ADJUSTED_WORKDAY");
        assertThat(sunday.get("weekday").asText()).isEqualTo("星期日");
        assertThat(sunday.get("name").asText()).isEqualTo("国庆节调休上班");
        assertThat(find(year.json(), "2026-10-01").get("kindLabel").asText()).isEqualTo("放假");
        assertThat(fixtures.staff("reviewer").get("/api/manager/working-calendar/2026").status()).isEqualTo(403);
    }

    @Test
    void aManagerEntersAYear_mistakesAreRefusedInChineseAndNothingIsSaved() {
        ApiClient manager = fixtures.staff("manager");
        String path = "/api/manager/working-calendar/2099";
        ApiClient.Response weekday = manager.put(path, ApiClient.toJson(List.of(
                Map.of("date", "2099-01-01", "kind", "HOLIDAY", "name", "元旦"),
                Map.of("date", "2099-01-05", "kind", "ADJUSTED_WORKDAY", "name", "元旦调休上班"))));
        assertThat(weekday.status()).isEqualTo(400);
        assertThat(weekday.message()).contains("2099-01-05 是星期一，调休上班日只能是周六或周日");
        assertThat(manager.put(path, ApiClient.toJson(List.of(Map.of("date", "2098-12-31", "kind", "HOLIDAY",
                "name", "元旦")))).message()).contains("不属于 2099 年");
        assertThat(manager.put(path, ApiClient.toJson(List.of(Map.of("date", "2099-01-01", "kind", "FEIERTAG",
                "name", "元旦")))).message()).contains("HOLIDAY（放假）或 ADJUSTED_WORKDAY（调休上班）");
        assertThat(manager.put(path, ApiClient.toJson(List.of(Map.of("date", "2099/01/01", "kind", "HOLIDAY",
                "name", "元旦")))).message()).contains("yyyy-MM-dd");
        assertThat(manager.put(path, ApiClient.toJson(List.of(Map.of("date", "2099-01-01", "kind", "HOLIDAY",
                "name", " ")))).message()).contains("须填写节日名称");
        assertThat(manager.get(path).json()).isEmpty();
        assertThat(workingDays.hasDataFor(2099)).isFalse();

        ApiClient.Response saved = manager.put(path, ApiClient.toJson(List.of(
                Map.of("date", "2099-01-01", "kind", "HOLIDAY", "name", "元旦"),
                Map.of("date", "2099-01-03", "kind", "ADJUSTED_WORKDAY", "name", "元旦调休上班"))));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(manager.get(path).json()).hasSize(2);
        assertThat(workingDays.isWorkingDay(LocalDate.of(2099, 1, 1))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2099, 1, 3))).as("a Saturday, worked").isTrue();
        assertThat(jdbc.queryForList("select detail from audit_entry where action = 'WORKING_CALENDAR_CHANGED' "
                + "and actor = 'manager'", String.class))
                .contains("2099 年工作日历：0 天放假、0 天调休上班 → 1 天放假、1 天调休上班");

        // the year is replaced as a whole: an empty list clears it
        assertThat(manager.put(path, "[]").status()).isEqualTo(200);
        assertThat(workingDays.hasDataFor(2099)).isFalse();
    }

    private static JsonNode find(JsonNode days, String date) {
        for (JsonNode day : days) {
            if (date.equals(day.get("date").asText())) {
                return day;
            }
        }
        throw new AssertionError("no " + date + " in " + days);
    }
}
