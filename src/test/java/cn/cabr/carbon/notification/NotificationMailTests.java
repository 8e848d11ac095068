package cn.cabr.carbon.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;
import cn.cabr.carbon.support.TestMailServer;

/**
 * Outbox messages go out by e-mail through SendMail jobs against a real SMTP server (GreenMail): the kind's Chinese
 * template with the candidate's name, the session and the link; a mail server that is down makes the job retry and
 * the mail arrives once it is back, nothing lost; retries used up become an incident that can be retried; a
 * candidate without an address is recorded as not sent, without retries.
 */
@IntegrationTest
class NotificationMailTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    Notifications notifications;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TestMailServer.Inbox inbox;
    @Autowired
    org.springframework.mail.javamail.JavaMailSender sender;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;

    int serverPort;

    JavaMailSenderImpl mailSender() {
        return (JavaMailSenderImpl) sender;
    }

    @AfterEach
    void serverBackUp() {
        if (serverPort != 0) {
            mailSender().setPort(serverPort);
        }
    }

    @Test
    void aMessageOfAKindWithoutATemplate_usesTheGenericOne_withNameSessionAndLink() {
        CaseFixtures.Candidate candidate = fixtures.candidate("钱碳核");
        String number = fixtures.draft(candidate, fixtures.newSession().getCode());
        Notification n = notifications.notify(fixtures.candidateIdOf(candidate), fixtures.applicationIdOf(number),
                "SOMETHING_NEW", "报名信息已更新", "您的报名信息已更新。");

        fixtures.runJobs();

        MimeMessage mail = inbox.awaitMessagesTo(CaseFixtures.emailOf(candidate.mobile()), 1).get(0);
        assertThat(TestMailServer.Inbox.decoded(mail)).contains("钱碳核，您好").contains("报名信息已更新")
                .contains("您的报名信息已更新。").contains(number).contains("测试考期");
        assertThat(TestMailServer.Inbox.link(mail, "/applications/" + number)).startsWith("http");
        assertThat(row(n).get("MAIL_STATUS")).isEqualTo("SENT");
        assertThat(row(n).get("SENT_AT")).isNotNull();
    }

    @Test
    void mailServerDown_theJobRetries_andTheMailArrivesOnceItIsBack() throws IOException {
        CaseFixtures.Candidate candidate = fixtures.candidate("孙减排");
        String address = CaseFixtures.emailOf(candidate.mobile());
        serverDown();
        Notification n = notifications.notify(fixtures.candidateIdOf(candidate), null, "ADJUDICATION_DECIDED",
                "违纪裁定结果", "经核查，不构成违纪。");
        Job job = jobOf(n);

        assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
        Job retrying = jobOf(n);
        assertThat(retrying.getRetries()).isEqualTo(5);
        assertThat(retrying.getDuedate()).isInTheFuture();
        assertThat(row(n).get("MAIL_STATUS")).isEqualTo("PENDING");
        assertThat(row(n).get("MAIL_ATTEMPTS")).isEqualTo(1);
        assertThat((String) row(n).get("MAIL_ERROR")).isNotBlank();
        assertThat(inbox.messagesTo(address)).isEmpty();

        serverUp();
        managementService.executeJob(retrying.getId());
        assertThat(TestMailServer.Inbox.decoded(inbox.awaitMessagesTo(address, 1).get(0))).contains("孙减排，您好")
                .contains("不构成违纪");
        assertThat(row(n).get("MAIL_STATUS")).isEqualTo("SENT");
        assertThat(row(n).get("MAIL_ERROR")).isNull();
    }

    @Test
    void retriesUsedUp_becomeAnIncident_andCockpitsRetryDeliversIt() throws IOException {
        CaseFixtures.Candidate candidate = fixtures.candidate("周碳汇");
        String address = CaseFixtures.emailOf(candidate.mobile());
        serverDown();
        Notification n = notifications.notify(fixtures.candidateIdOf(candidate), null, "CERTIFICATE_REVOKED",
                "证书已撤销", "撤销原因：姓名有误，将重新颁发。");
        for (int attempt = 1; attempt <= 6; attempt++) {
            Job job = jobOf(n);
            assertThat(job.getRetries()).isPositive();
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
        }
        String instance = jobOf(n).getProcessInstanceId();
        assertThat(jobOf(n).getRetries()).isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);
        assertThat(row(n).get("MAIL_ATTEMPTS")).isEqualTo(6);

        serverUp();
        managementService.setJobRetries(jobOf(n).getId(), 1);
        managementService.executeJob(jobOf(n).getId());
        assertThat(TestMailServer.Inbox.decoded(inbox.awaitMessagesTo(address, 1).get(0))).contains("证书已被撤销");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
        assertThat(row(n).get("MAIL_STATUS")).isEqualTo("SENT");
    }

    @Test
    void aCandidateWithoutAnAddress_isRecordedAsNotSent_withoutRetries() {
        CaseFixtures.Candidate candidate = fixtures.candidate("吴无邮");
        long candidateId = fixtures.candidateIdOf(candidate);
        jdbc.update("update candidate set email = null where id = ?", candidateId);
        Notification n = notifications.notify(candidateId, null, "RESULT_PUBLISHED", "考试成绩已公布", "……");

        fixtures.runJobs();

        assertThat(row(n).get("MAIL_STATUS")).isEqualTo("NO_ADDRESS");
        var sendMail = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("SendMail")
                .processInstanceBusinessKey(String.valueOf(n.getId())).singleResult();
        assertThat(sendMail.getEndActivityId()).isEqualTo("EndEvent_MailNotSent");
        assertThat(historyService.createHistoricIncidentQuery().processInstanceId(sendMail.getId()).count()).isZero();
        assertThat(row(n).get("MAIL_ATTEMPTS")).isEqualTo(1);
    }

    private void serverDown() throws IOException {
        serverPort = mailSender().getPort();
        try (ServerSocket free = new ServerSocket(0)) {
            mailSender().setPort(free.getLocalPort());
        }
    }

    private void serverUp() {
        mailSender().setPort(serverPort);
    }

    private Job jobOf(Notification n) {
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("SendMail")
                .processInstanceBusinessKey(String.valueOf(n.getId())).singleResult().getId();
        return managementService.createJobQuery().processInstanceId(instance).singleResult();
    }

    private Map<String, Object> row(Notification n) {
        return jdbc.queryForMap("select mail_status, mail_attempts, mail_error, sent_at from notification where id = ?",
                n.getId());
    }
}
