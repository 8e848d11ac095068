package cn.cabr.carbon.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.demo.SampleDocuments;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

/** Bad input on the candidate's side is refused with a specific 4xx and a message a person understands. */
@IntegrationTest
class ApplicationRefusalTests {

    @Autowired
    CaseFixtures fixtures;

    @Test
    void registrationWithAnInvalidIdNumber_isRefusedWithTheReason() {
        ApiClient client = fixtures.client();
        client.get("/api/auth/csrf");
        String valid = CaseFixtures.validIdNumber();
        char wrongCheck = valid.charAt(17) == '1' ? '2' : '1';
        assertRegistrationRefused(client, valid.substring(0, 17) + wrongCheck, "校验位错误");
        assertRegistrationRefused(client, valid.substring(0, 17), "应为 18 位");
        assertRegistrationRefused(client, "11010519901332123X", "出生日期");
        assertRegistrationRefused(client, "99010519900307123X", "行政区划");
    }

    @Test
    void registeringTheSameIdNumberTwice_isRefused() {
        CaseFixtures.Candidate first = fixtures.candidate("赵一");
        ApiClient client = fixtures.client();
        client.get("/api/auth/csrf");
        ApiClient.Response second = client.post("/api/auth/register", Map.of("fullName", "赵二",
                "idNumber", first.idNumber(), "mobile", CaseFixtures.newMobile(), "email", "x" + CaseFixtures.newMobile() + "@example.cn", "password", "Passw0rd-123"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("ID_NUMBER_TAKEN");
    }

    @Test
    void weakPasswordAndBadMobile_areReportedPerField() {
        ApiClient client = fixtures.client();
        client.get("/api/auth/csrf");
        ApiClient.Response response = client.post("/api/auth/register", Map.of("fullName", "钱三",
                "idNumber", CaseFixtures.validIdNumber(), "mobile", "12345", "password", "short"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("fields").findValuesAsText("field")).contains("mobile", "password");
        assertThat(response.message()).contains("手机号码").contains("密码");
    }

    @Test
    void anExecutableRenamedToJpg_isRefusedByItsContent() {
        CaseFixtures.Candidate candidate = fixtures.candidate("孙四");
        String number = fixtures.draft(candidate, fixtures.newSession().getCode());
        byte[] executable = new byte[2048];
        executable[0] = 'M';
        executable[1] = 'Z';
        executable[0x3c] = (byte) 0x80;
        System.arraycopy("PE\0\0".getBytes(), 0, executable, 0x80, 4);
        ApiClient.Response response = candidate.client().upload("/api/applications/" + number + "/documents",
                "ID_CARD_FRONT", "id-front.jpg", "image/jpeg", executable);
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.code()).isEqualTo("FILE_TYPE_NOT_ACCEPTED");
        assertThat(response.message()).contains("识别为").contains("修改文件扩展名无效");
        assertThat(candidate.client().get("/api/applications/" + number).json().get("documents")).isEmpty();
    }

    @Test
    void aPdfAsThePhoto_isRefused() {
        CaseFixtures.Candidate candidate = fixtures.candidate("周五");
        String number = fixtures.draft(candidate, fixtures.newSession().getCode());
        ApiClient.Response response = candidate.client().upload("/api/applications/" + number + "/documents",
                "PHOTO", "photo.pdf", "application/pdf", SampleDocuments.pdf("photo"));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.message()).contains("JPG").doesNotContain("PDF 文件");
    }

    @Test
    void oversizeFiles_areRefusedWithTheLimit() {
        CaseFixtures.Candidate candidate = fixtures.candidate("吴六");
        String number = fixtures.draft(candidate, fixtures.newSession().getCode());
        byte[] png = SampleDocuments.png("big");
        byte[] overLimit = Arrays.copyOf(png, 5 * 1024 * 1024 + 1);
        ApiClient.Response justOver = candidate.client().upload("/api/applications/" + number + "/documents",
                "PHOTO", "big.png", "image/png", overLimit);
        assertThat(justOver.status()).isEqualTo(413);
        assertThat(justOver.code()).isEqualTo("FILE_TOO_LARGE");
        assertThat(justOver.message()).contains("5 MB");
        ApiClient.Response farOver = candidate.client().upload("/api/applications/" + number + "/documents",
                "PHOTO", "huge.png", "image/png", Arrays.copyOf(png, 8 * 1024 * 1024));
        assertThat(farOver.status()).isEqualTo(413);
        assertThat(farOver.code()).isEqualTo("FILE_TOO_LARGE");
    }

    @Test
    void anotherCandidatesApplicationAndDocuments_areNotFound() {
        ExamSession session = fixtures.newSession();
        CaseFixtures.Candidate owner = fixtures.candidate("郑七");
        String ownersNumber = fixtures.draft(owner, session.getCode());
        long ownersDocument = fixtures.upload(owner, ownersNumber, "ID_CARD_FRONT").json().get("id").asLong();
        CaseFixtures.Candidate other = fixtures.candidate("王八");
        String othersNumber = fixtures.draft(other, session.getCode());

        ApiClient.Response viaOwnersNumber = other.client()
                .get("/api/applications/" + ownersNumber + "/documents/" + ownersDocument);
        assertThat(viaOwnersNumber.status()).isEqualTo(404);
        assertThat(viaOwnersNumber.code()).isEqualTo("DOCUMENT_NOT_FOUND");
        ApiClient.Response viaOwnNumber = other.client()
                .get("/api/applications/" + othersNumber + "/documents/" + ownersDocument);
        assertThat(viaOwnNumber.status()).isEqualTo(404);
        assertThat(other.client().get("/api/applications/" + ownersNumber).code()).isEqualTo("APPLICATION_NOT_FOUND");
        assertThat(other.client().get("/api/applications/" + ownersNumber + "/status").status()).isEqualTo(404);
        assertThat(other.client().delete("/api/applications/" + ownersNumber + "/documents/" + ownersDocument).status())
                .isEqualTo(404);
        assertThat(other.client().upload("/api/applications/" + ownersNumber + "/documents", "PHOTO", "x.png",
                "image/png", SampleDocuments.png("x")).status()).isEqualTo(404);

        ApiClient.Response ownersView = owner.client().get("/api/applications/" + ownersNumber + "/documents/" + ownersDocument);
        assertThat(ownersView.status()).isEqualTo(200);
        assertThat(ownersView.contentType()).isEqualTo("image/png");
    }

    @Test
    void submittingAnIncompleteApplication_listsWhatIsMissing() {
        CaseFixtures.Candidate candidate = fixtures.candidate("冯九");
        String number = fixtures.draft(candidate, fixtures.newSession().getCode());
        fixtures.upload(candidate, number, "PHOTO");
        ApiClient.Response response = candidate.client().post("/api/applications/" + number + "/submit", "");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("APPLICATION_INCOMPLETE");
        assertThat(response.message()).contains("身份证正面照片", "学位证书复印件", "工作证明").doesNotContain("二寸免冠");
    }

    @Test
    void aBirthDateThatContradictsTheIdNumber_isRefused() {
        CaseFixtures.Candidate candidate = fixtures.candidate("陈十");
        ApiClient.Response response = candidate.client().post("/api/applications", Map.of("sessionCode",
                fixtures.newSession().getCode(), "details", Map.of("birthDate", "1960-01-01")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("BIRTH_DATE_MISMATCH");
    }

    @Test
    void malformedJsonAndUnknownSessions_areRefusedPlainly() {
        CaseFixtures.Candidate candidate = fixtures.candidate("褚十一");
        ApiClient.Response malformed = candidate.client().post("/api/applications", "{\"sessionCode\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("MALFORMED_REQUEST");
        ApiClient.Response badDate = candidate.client().post("/api/applications",
                "{\"sessionCode\":\"X\",\"details\":{\"graduationDate\":\"2015/07/01\"}}");
        assertThat(badDate.status()).isEqualTo(400);
        ApiClient.Response unknown = candidate.client().post("/api/applications", Map.of("sessionCode", "NO-SUCH",
                "details", Map.of()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("SESSION_NOT_FOUND");
    }

    @Test
    void theArchivedEighthSession_acceptsNoApplications() {
        CaseFixtures.Candidate candidate = fixtures.candidate("卫十二");
        ApiClient.Response response = candidate.client().post("/api/applications", Map.of("sessionCode", "08",
                "details", Map.of()));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("APPLICATIONS_CLOSED");
        assertThat(response.message()).contains("第八期");
    }

    @Test
    void callsWithoutLoginOrCsrfToken_getJsonRefusals() {
        ApiClient anonymous = fixtures.client();
        ApiClient.Response unauthenticated = anonymous.get("/api/applications");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.code()).isEqualTo("UNAUTHENTICATED");

        ApiClient noToken = fixtures.client();
        ApiClient.Response refused = noToken.post("/api/auth/login", "{\"username\":\"x\",\"password\":\"y\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("CSRF_TOKEN_INVALID");

        ApiClient.Response badLogin = fixtures.client().login("13900000000", "wrong-password-1");
        assertThat(badLogin.status()).isEqualTo(401);
        assertThat(badLogin.code()).isEqualTo("BAD_CREDENTIALS");
    }

    private static void assertRegistrationRefused(ApiClient client, String idNumber, String reason) {
        ApiClient.Response response = client.post("/api/auth/register", Map.of("fullName", "李四",
                "idNumber", idNumber, "mobile", CaseFixtures.newMobile(), "email", "x" + CaseFixtures.newMobile() + "@example.cn", "password", "Passw0rd-123"));
        assertThat(response.status()).as(idNumber).isEqualTo(400);
        assertThat(response.code()).isEqualTo("ID_NUMBER_INVALID");
        assertThat(response.message()).contains(reason);
    }
}
