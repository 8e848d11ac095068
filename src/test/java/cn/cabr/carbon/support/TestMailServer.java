package cn.cabr.carbon.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A real SMTP server (GreenMail) for the shared test context, on a free port, and the application's mail sender
 * pointed at it. Tests find their mails by recipient (every test uses addresses of its own).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

    public static final class Inbox implements AutoCloseable {

        private final GreenMail greenMail;

        Inbox() {
            greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            greenMail.start();
        }

        int port() {
            return greenMail.getSmtp().getPort();
        }

        /** The mails received for this address so far. */
        public List<MimeMessage> messagesTo(String address) {
            return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
        }

        /** Waits (mail goes out in the background) until this address has received {@code count} mails. */
        public List<MimeMessage> awaitMessagesTo(String address, int count) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (Instant.now().isBefore(deadline)) {
                List<MimeMessage> messages = messagesTo(address);
                if (messages.size() >= count) {
                    return messages;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("Expected " + count + " mail(s) to " + address + ", got " + messagesTo(address).size());
        }

        public static String body(MimeMessage message) {
            return GreenMailUtil.getBody(message);
        }

        /** The first link of the given path in the mail's text. */
        public static String link(MimeMessage message, String path) {
            Matcher m = Pattern.compile("https?://[^\\s]+" + Pattern.quote(path) + "[^\\s]*").matcher(decoded(message));
            if (!m.find()) {
                throw new AssertionError("No link to " + path + " in: " + decoded(message));
            }
            return m.group();
        }

        public static String decoded(MimeMessage message) {
            try {
                return message.getContent().toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static boolean isTo(MimeMessage message, String address) {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            greenMail.stop();
        }
    }

    @Bean(destroyMethod = "close")
    Inbox testInbox() {
        return new Inbox();
    }

    @Bean
    JavaMailSender testMailSender(Inbox inbox) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(inbox.port());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
