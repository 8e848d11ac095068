package cn.cabr.carbon.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Sends e-mail in the background, so a page answers at once and in the same time whether or not a mail goes out.
 * Through SMTP when {@code spring.mail.host} (MAIL_HOST) is set; otherwise, where a drop directory is configured
 * (the embedded demo run), each mail is written there as an {@code .eml} file to open with any mail program;
 * otherwise the mail is not sent and a warning says so, without the mail's text (it may hold a one-time link).
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final JavaMailSender smtp;
    private final String from;
    private final String fromName;
    private final Path dropDirectory;
    private final Clock clock;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
            @Value("${certification.mail.from}") String from, @Value("${certification.mail.from-name}") String fromName,
            @Value("${certification.mail.drop-directory:}") String dropDirectory, Clock clock) {
        this.smtp = StringUtils.hasText(host) ? sender.getIfAvailable() : null;
        this.from = from;
        this.fromName = fromName;
        this.dropDirectory = StringUtils.hasText(dropDirectory) ? Path.of(dropDirectory) : null;
        this.clock = clock;
        executor.setThreadNamePrefix("mail-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(1000);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        if (smtp != null) {
            log.info("Mail goes out through the SMTP server {}", host);
        } else if (this.dropDirectory != null) {
            log.info("No SMTP server configured (MAIL_HOST): mails are written to {} instead", this.dropDirectory);
        } else {
            log.warn("No SMTP server configured (MAIL_HOST) and no drop directory: mails will not be sent");
        }
    }

    /** Queues the mail; failures are logged (never the mail's text), not thrown. */
    public void sendLater(Mail mail) {
        try {
            executor.execute(() -> deliver(mail));
        } catch (RejectedExecutionException e) {
            log.error("{} not sent: the mail queue is full", mail);
        }
    }

    void deliver(Mail mail) {
        try {
            sendNow(mail);
        } catch (Exception e) {
            log.error("{} could not be sent: {}", mail, e.toString());
        }
    }

    /** What became of a mail handed to {@link #sendNow}. */
    public enum Handoff {
        /** accepted by the SMTP server, or written to the drop directory */
        DELIVERED,
        /** neither an SMTP server nor a drop directory is configured */
        NO_MAIL_SERVER
    }

    /**
     * Sends the mail in the caller's thread and throws when the server refuses it or cannot be reached, so that the
     * caller (an asynchronous job) can try again later.
     */
    public Handoff sendNow(Mail mail) {
        if (smtp != null) {
            try {
                smtp.send(message(smtp.createMimeMessage(), mail));
            } catch (MessagingException e) {
                throw new MailPreparationException(e);
            }
            log.info("{} sent", mail);
            return Handoff.DELIVERED;
        }
        if (dropDirectory != null) {
            try {
                log.info("{} written to {}", mail, drop(mail));
            } catch (MessagingException | IOException e) {
                throw new MailPreparationException("Could not write the mail to " + dropDirectory, e);
            }
            return Handoff.DELIVERED;
        }
        log.warn("{} not sent: no SMTP server configured (MAIL_HOST)", mail);
        return Handoff.NO_MAIL_SERVER;
    }

    private Path drop(Mail mail) throws MessagingException, IOException {
        MimeMessage message = message(new MimeMessage(Session.getInstance(new Properties())), mail);
        message.saveChanges();
        Files.createDirectories(dropDirectory);
        Path file = dropDirectory.resolve(FILE_TIME.format(clock.instant().atZone(java.time.ZoneOffset.UTC)) + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        return file;
    }

    private MimeMessage message(MimeMessage message, Mail mail) throws MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        try {
            helper.setFrom(from, fromName);
        } catch (UnsupportedEncodingException e) {
            helper.setFrom(from);
        }
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), false);
        helper.setSentDate(Date.from(clock.instant()));
        return message;
    }

    /** An address as logs may show it: {@code z***@example.cn}. */
    public static String mask(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }

    @PreDestroy
    void shutdown() {
        executor.shutdown();
    }
}
