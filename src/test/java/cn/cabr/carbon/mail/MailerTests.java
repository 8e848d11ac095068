package cn.cabr.carbon.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Without an SMTP server (the embedded demo run) a mail is written to the drop directory as a standard .eml file,
 * readable by any mail program; without either, nothing is written and nothing fails. (Delivery through SMTP is
 * tested end to end with GreenMail in the password reset tests.)
 */
class MailerTests {

    private static final Mail MAIL = new Mail("zhang.san@example.cn", "【碳排放管理专业技术人员考试】重设密码",
            "张三，您好：\n\nhttp://localhost:8080/password/reset?token=abc\n");

    @TempDir
    Path directory;

    @Test
    void withoutSmtp_aMailIsWrittenToTheDropDirectory() throws Exception {
        mailer("", directory.toString()).deliver(MAIL);

        List<Path> files = files();
        assertThat(files).hasSize(1).allSatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".eml"));
        try (InputStream in = Files.newInputStream(files.get(0))) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(message.getSubject()).isEqualTo(MAIL.subject());
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo("zhang.san@example.cn");
            assertThat(message.getFrom()[0].toString()).contains("noreply@cabr-cert.example.cn");
            assertThat(message.getContent().toString()).contains("张三，您好").contains("/password/reset?token=abc");
        }
    }

    @Test
    void withoutSmtpOrDropDirectory_nothingIsSentAndNothingFails() throws Exception {
        mailer("", "").deliver(MAIL);
        assertThat(files()).isEmpty();
    }

    @Test
    void logsShowAMaskedAddressAndNeverTheText() {
        assertThat(MAIL.toString()).contains("z***@example.cn").doesNotContain("zhang.san").doesNotContain("token");
        assertThat(Mailer.mask("a@b.cn")).isEqualTo("a***@b.cn");
        assertThat(Mailer.mask("nonsense")).isEqualTo("***");
    }

    private Mailer mailer(String host, String dropDirectory) {
        return new Mailer(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), host,
                "noreply@cabr-cert.example.cn", "碳排放管理专业技术人员培训及考试", dropDirectory, Clock.systemUTC());
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> list = Files.list(directory)) {
            return list.toList();
        }
    }
}
