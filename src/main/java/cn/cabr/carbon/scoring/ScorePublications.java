package cn.cabr.carbon.scoring;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;

/** Managers' decisions to publish a session's ready results while others still wait (with the reason). */
@Service
@Transactional
public class ScorePublications {

    static final int MAX_REASON_LENGTH = 1000;

    private final ScorePublicationRepository publications;
    private final Clock clock;
    private final AuditLog auditLog;
    private final ExamSessions sessions;

    ScorePublications(ScorePublicationRepository publications, Clock clock, AuditLog auditLog, ExamSessions sessions) {
        this.publications = publications;
        this.auditLog = auditLog;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Records that {@code manager} publishes the ready results now and lets the waiting ones follow when done; a
     * reason of 5 to 1000 characters is required (a refusal otherwise, with the Chinese message).
     */
    public ScorePublication publishReady(long sessionId, String manager, String reason, List<WaitingSitting> waiting) {
        String text = reason == null ? "" : reason.strip();
        if (text.length() < 5 || text.length() > MAX_REASON_LENGTH) {
            throw BusinessException.invalid("PUBLICATION_REASON_REQUIRED",
                    "先行公布已完成的成绩须填写理由（5 到 " + MAX_REASON_LENGTH + " 个字），其余考生的成绩将在阅卷或裁定完成后自动公布");
        }
        ScorePublication saved = publications.save(new ScorePublication(sessionId, clock.instant(), manager, text, waiting));
        var session = sessions.get(sessionId);
        auditLog.record(AuditAction.SCORES_PUBLISHED_EARLY, manager, null, session.getCode(),
                session.getName() + "先行公布已完成的成绩，尚有 " + waiting.size() + " 场考试待阅卷或裁定，完成后自动公布", text);
        return saved;
    }

    @Transactional(readOnly = true)
    public List<ScorePublication> ofSession(long sessionId) {
        return publications.findBySessionIdOrderByIdAsc(sessionId);
    }
}
