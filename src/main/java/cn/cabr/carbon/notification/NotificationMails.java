package cn.cabr.carbon.notification;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.mail.Mail;
import cn.cabr.carbon.mail.MailTemplates;
import cn.cabr.carbon.mail.Mailer;
import cn.cabr.carbon.security.PublicUrl;
import cn.cabr.carbon.session.ExamSessions;

/**
 * Sends one outbox message by e-mail: the template of its kind ({@code templates/mail/<KIND>.txt}, else
 * {@code default.txt}) with the candidate's name, the session, the message and the link to the case page.
 * Called by the SendMail job: a failure is thrown (after counting it on the row) so the job retries and finally
 * raises an incident; a message without an address is recorded as not sent and ends there.
 */
@Service
@Transactional
public class NotificationMails {

    private final NotificationRepository notifications;
    private final Candidates candidates;
    private final Applications applications;
    private final ExamSessions sessions;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final String subjectPrefix;
    private final Clock clock;

    NotificationMails(NotificationRepository notifications, Candidates candidates, Applications applications,
            ExamSessions sessions, MailTemplates templates, Mailer mailer, PublicUrl publicUrl,
            @Value("${certification.mail.subject-prefix:【碳排放管理专业技术人员考试】}") String subjectPrefix, Clock clock) {
        this.notifications = notifications;
        this.candidates = candidates;
        this.applications = applications;
        this.sessions = sessions;
        this.templates = templates;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.subjectPrefix = subjectPrefix;
        this.clock = clock;
    }

    /** Sends the message (once: a message already sent or settled is left alone) and records the outcome. */
    public MailStatus deliver(long notificationId) {
        Notification n = notifications.findById(notificationId)
                .orElseThrow(() -> new IllegalStateException("Notification " + notificationId + " does not exist"));
        if (n.getMailStatus() != MailStatus.PENDING) {
            return n.getMailStatus();
        }
        Candidate candidate = candidates.get(n.getCandidateId());
        if (!StringUtils.hasText(candidate.getEmail())) {
            n.mailed(MailStatus.NO_ADDRESS, clock.instant());
            return n.getMailStatus();
        }
        Mailer.Handoff handoff = mailer.sendNow(compose(n, candidate));
        n.mailed(handoff == Mailer.Handoff.DELIVERED ? MailStatus.SENT : MailStatus.NO_MAIL_SERVER, clock.instant());
        return n.getMailStatus();
    }

    /** Counts a failed attempt on the row in its own transaction (the job's own rolls back). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(long notificationId, String error) {
        notifications.findById(notificationId).ifPresent(n -> n.mailFailed(error));
    }

    Mail compose(Notification n, Candidate candidate) {
        Map<String, Object> model = new HashMap<>();
        model.put("candidateName", candidate.getFullName());
        model.put("title", n.getTitle());
        model.put("body", n.getBody());
        model.put("kind", n.getKind());
        String subject = subjectPrefix + n.getTitle();
        if (n.getApplicationId() != null) {
            Application application = applications.get(n.getApplicationId());
            String sessionName = sessions.get(application.getSessionId()).getName();
            model.put("applicationNumber", application.getApplicationNumber());
            model.put("sessionName", sessionName);
            model.put("caseUrl", publicUrl.of("/applications/" + application.getApplicationNumber()));
            subject = subject + "（" + sessionName + "）";
        } else {
            model.put("caseUrl", publicUrl.of("/"));
        }
        return new Mail(candidate.getEmail(), subject, templates.render(n.getKind(), model));
    }
}
