package cn.cabr.carbon.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** The hours ledger: CSV imports are checked row by row and all-or-nothing; the cutoff decides what counts. */
@IntegrationTest
class TrainingImportTests {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    TrainingHours trainingHours;

    @Test
    void aFileWithOneBadRow_importsNothing_andNamesEveryBadRow() {
        CaseFixtures.Candidate candidate = fixtures.candidate("孔学时");
        String yesterday = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(1).format(FORMAT);
        String csv = "id_number,hours,completed_at,course\n"
                + candidate.idNumber() + ",12," + yesterday + ",碳交易\n"
                + CaseFixtures.validIdNumber() + ",6," + yesterday + ",碳足迹\n"
                + candidate.idNumber() + ",十二," + yesterday + ",碳核查\n"
                + candidate.idNumber() + ",4,2023/12/01,能源管理\n";
        ApiClient.Response refused = upload(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("IMPORT_REJECTED");
        assertThat(refused.message()).contains("共 3 行有误").contains("第 3 行：身份证号码未对应任何已注册考生")
                .contains("第 4 行：学时“十二”不是数字").contains("第 5 行：完成时间“2023/12/01”格式应为 yyyy-MM-dd HH:mm");
        assertThat(trainingHours.ledger(fixtures.candidateIdOf(candidate))).isEmpty();
    }

    @Test
    void wrongHeaderOrEncoding_isExplained() {
        ApiClient.Response header = upload("身份证,学时\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(header.code()).isEqualTo("CSV_HEADER_INVALID");
        assertThat(header.message()).contains("id_number,hours,completed_at,course");
        ApiClient.Response gbk = upload("id_number,hours,completed_at,course\n1,2,3,碳排放\n".getBytes(Charset.forName("GBK")));
        assertThat(gbk.code()).isEqualTo("CSV_NOT_UTF8");
        assertThat(upload("id_number,hours,completed_at,course\n".getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("CSV_EMPTY");
    }

    @Test
    void hoursAfterTheSessionsCutoff_doNotCount() {
        ExamSession session = fixtures.newSession();
        CaseFixtures.Candidate candidate = fixtures.candidate("严截止");
        String number = fixtures.submittedApplication(candidate, session.getCode());
        long candidateId = fixtures.candidateIdOf(candidate);
        trainingHours.add(candidateId, new BigDecimal("30"), "前五个模块", Instant.now().minus(Duration.ofDays(2)), "测试");
        trainingHours.add(candidateId, new BigDecimal("6"), "截止后补学", session.getHoursCutoffAt().plusSeconds(60), "测试");
        HoursCheck check = trainingHours.check(fixtures.applicationIdOf(number));
        assertThat(check.counted()).isEqualByComparingTo("30");
        assertThat(check.sufficient()).isFalse();
        trainingHours.add(candidateId, new BigDecimal("6"), "截止前补学", session.getHoursCutoffAt(), "测试");
        assertThat(trainingHours.check(fixtures.applicationIdOf(number)).sufficient()).isTrue();
        assertThat(candidate.client().get("/api/training-hours").json().get("total").decimalValue())
                .isEqualByComparingTo("42");
    }

    @Test
    void onlyManagersImport() {
        CaseFixtures.Candidate candidate = fixtures.candidate("华越权");
        ApiClient.Response refused = candidate.client().uploadFile("/api/manager/training-records", "h.csv", "text/csv",
                "id_number,hours,completed_at,course\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(403);
    }

    private ApiClient.Response upload(byte[] csv) {
        return fixtures.staff("manager").uploadFile("/api/manager/training-records", "hours.csv", "text/csv", csv);
    }
}
