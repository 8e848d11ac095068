package cn.cabr.carbon.scoring;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.adjudication.Adjudications;
import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.exam.ExamDelivery;
import cn.cabr.carbon.exam.Grading;
import cn.cabr.carbon.exam.Sitting;
import cn.cabr.carbon.notification.Notifications;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.session.MilestoneReached;
import cn.cabr.carbon.shared.BusinessException;

/** Results: computed from the graded sitting and the adjudication, published on the session's date. */
@Service
@Transactional
public class Scoring {

    private static final Logger log = LoggerFactory.getLogger(Scoring.class);

    private final ExamResultRepository results;
    private final ResultPartRepository parts;
    private final Applications applications;
    private final ExamSessions sessions;
    private final ExamDelivery delivery;
    private final Grading grading;
    private final Adjudications adjudications;
    private final Notifications notifications;
    private final Clock clock;

    Scoring(ExamResultRepository results, ResultPartRepository parts, Applications applications, ExamSessions sessions, ExamDelivery delivery,
            Grading grading, Adjudications adjudications, Notifications notifications, Clock clock) {
        this.results = results;
        this.parts = parts;
        this.applications = applications;
        this.sessions = sessions;
        this.delivery = delivery;
        this.grading = grading;
        this.adjudications = adjudications;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Computes (or recomputes, when retried) the result; pass mark and total come from the session. */
    public ExamResult compute(long applicationId) {
        Sitting sitting = delivery.findByApplication(applicationId)
                .orElseThrow(() -> new IllegalStateException("Application " + applicationId + " has no sitting"));
        Grading.SittingScore score = grading.score(sitting.getId());
        if (score.ungradedShortAnswers() > 0) {
            throw new IllegalStateException("Sitting " + sitting.getId() + " still has " + score.ungradedShortAnswers()
                    + " ungraded short answers");
        }
        ExamSession session = sessions.get(sitting.getSessionId());
        ExamResult result = results.findByApplicationId(applicationId)
                .orElseGet(() -> new ExamResult(applicationId, sitting.getId()));
        result.compute(score.objectiveScore(), score.shortAnswerScore(), session.getTotalPoints(), session.getPassMark(),
                adjudications.violationConfirmed(sitting.getId()), clock.instant());
        parts.deleteByApplicationId(applicationId);
        parts.flush();
        grading.breakdown(sitting.getId()).forEach(p -> parts.save(new ResultPart(applicationId, p.dimension(),
                p.category(), p.score(), p.maxPoints())));
        return results.save(result);
    }

    /**
     * The session's publication milestone was reached (in the same transaction): every result computed by now
     * becomes visible at this one instant, in one statement, however many there are. Results computed later become
     * visible one by one as their cases reach {@link #publish}.
     */
    @EventListener
    void onMilestone(MilestoneReached event) {
        if (event.milestone() == Milestone.SCORES_PUBLISHED) {
            int published = results.publishSession(event.sessionId(), clock.instant());
            log.info("Session {}: {} results published at once", event.sessionId(), published);
        }
    }

    /**
     * The per-case part of publication, once the session's results are published: a result computed after the
     * session's publication becomes visible now; the candidate is told (once, also when the job runs again).
     */
    public ExamResult publish(long applicationId) {
        ExamResult result = results.findByApplicationId(applicationId)
                .orElseThrow(() -> new IllegalStateException("Application " + applicationId + " has no result"));
        if (result.getNotifiedAt() != null) {
            return result;
        }
        Application application = applications.get(applicationId);
        if (!sessions.isReachedReadOnly(application.getSessionId(), Milestone.SCORES_PUBLISHED)) {
            throw new IllegalStateException("Session " + application.getSessionId() + " has not published its results");
        }
        result.publish(clock.instant());
        ExamSession session = sessions.get(application.getSessionId());
        String body = switch (result.getOutcome()) {
            case PASSED -> "您在" + session.getName() + "的考试成绩为 " + result.getTotalScore() + " 分（满分 "
                    + result.getTotalPoints() + " 分，" + result.getPassMark() + " 分及格），考试合格。证书将于颁证日统一颁发。";
            case FAILED -> "您在" + session.getName() + "的考试成绩为 " + result.getTotalScore() + " 分（满分 "
                    + result.getTotalPoints() + " 分，" + result.getPassMark() + " 分及格），未达到合格线。";
            case VOIDED -> "您在" + session.getName() + "的考试经核查存在违反考试纪律的行为，本次考试成绩无效。";
        };
        notifications.notify(application.getCandidateId(), applicationId, "RESULT_PUBLISHED", "考试成绩已公布", body);
        result.markNotified(clock.instant());
        return result;
    }

    /** Points per question type and per subject. */
    @Transactional(readOnly = true)
    public List<ResultPart> breakdown(long applicationId) {
        return parts.findByApplicationIdOrderByIdAsc(applicationId);
    }

    @Transactional(readOnly = true)
    public Optional<ExamResult> find(long applicationId) {
        return results.findByApplicationId(applicationId);
    }

    /** The candidate's own result, once published. */
    @Transactional(readOnly = true)
    public ExamResult publishedResult(long candidateId, String applicationNumber) {
        Application application = applications.getOwned(candidateId, applicationNumber);
        return results.findByApplicationId(application.getId()).filter(ExamResult::isPublished)
                .orElseThrow(() -> BusinessException.notFound("RESULT_NOT_PUBLISHED", "成绩尚未公布，请于公布日期后查询"));
    }
}
