package cn.cabr.carbon.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.session.MilestoneReached;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.Dates;

/**
 * The exam component: opens sittings, runs them on the server's clock, stores answers, and ends sittings
 * (submitted, timed out, absent or terminated), telling the case through {@link SittingEnded}. Every change to a
 * sitting first takes its row lock, so an answer can never slip in after the sitting was graded.
 */
@Service
@Transactional
public class ExamDelivery {

    /** Network latency allowance for an answer that was sent just before the deadline. */
    static final Duration SAVE_GRACE = Duration.ofSeconds(1);

    private final SittingRepository sittings;
    private final AnswerRepository answers;
    private final ExamPapers papers;
    private final Applications applications;
    private final ExamSessions sessions;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final Clock clock;
    private final ZoneId zone;

    ExamDelivery(SittingRepository sittings, AnswerRepository answers, ExamPapers papers, Applications applications,
            ExamSessions sessions, ApplicationEventPublisher events, EntityManager entityManager, Clock clock,
            ZoneId businessZone) {
        this.sittings = sittings;
        this.answers = answers;
        this.papers = papers;
        this.applications = applications;
        this.sessions = sessions;
        this.events = events;
        this.entityManager = entityManager;
        this.clock = clock;
        this.zone = businessZone;
    }

    /**
     * Opens the application's sitting (idempotent). If the exam of the session is already over, the sitting is
     * opened as absent: the caller sees that from the returned status, no event is sent.
     */
    public Sitting open(long applicationId) {
        Optional<Sitting> existing = sittings.findByApplicationId(applicationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Application application = applications.get(applicationId);
        ExamSession session = sessions.get(application.getSessionId());
        List<PaperItem> paper = papers.paperOf(session.getId());
        if (paper.isEmpty()) {
            throw new IllegalStateException("Session " + session.getCode() + " has no paper");
        }
        Sitting sitting = sittings.save(new Sitting(applicationId, application.getCandidateId(), session.getId(),
                clock.instant()));
        answers.saveAll(paper.stream().map(item -> new Answer(sitting.getId(), item)).toList());
        if (sessions.isReached(session.getId(), Milestone.EXAM_CLOSED)) {
            sitting.end(SittingStatus.ABSENT, clock.instant());
        }
        return sitting;
    }

    @Transactional(readOnly = true)
    public ExamPaperView view(long candidateId, String applicationNumber) {
        Sitting sitting = owned(candidateId, applicationNumber);
        ExamSession session = sessions.get(sitting.getSessionId());
        Instant now = clock.instant();
        List<ExamPaperView.ItemView> items = sitting.getStatus() == SittingStatus.IN_PROGRESS
                ? answers.findBySittingIdOrderByPaperItemPosition(sitting.getId()).stream()
                        .map(ExamPaperView.ItemView::of).toList()
                : List.of();
        return new ExamPaperView(applicationNumber, session.getName(), sitting.getStatus(), sitting.getStatus().label(),
                now, sitting.getDeadline(), sitting.remainingSeconds(now), session.getDurationMinutes(),
                session.getTotalPoints(), session.getSupportContact(), items);
    }

    /** Starts the candidate's clock, or resumes: a refresh or another device continues with the same deadline. */
    public ExamPaperView start(long candidateId, String applicationNumber) {
        Sitting sitting = lock(owned(candidateId, applicationNumber).getId());
        switch (sitting.getStatus()) {
            case READY -> {
                ExamSession session = sessions.get(sitting.getSessionId());
                if (!sessions.isReached(session.getId(), Milestone.EXAM_OPENED)) {
                    throw BusinessException.conflict("EXAM_NOT_OPEN", "考试尚未开始，请在考试开始后进入");
                }
                sitting.start(clock.instant(), Duration.ofMinutes(session.getDurationMinutes()));
            }
            case IN_PROGRESS -> { }
            default -> throw ended(sitting);
        }
        return view(candidateId, applicationNumber);
    }

    public SavedAnswer saveAnswer(long candidateId, String applicationNumber, int position, String response) {
        Sitting sitting = lock(owned(candidateId, applicationNumber).getId());
        Instant now = clock.instant();
        requireAnswering(sitting, now);
        Answer answer = answers.findBySittingIdAndPaperItemPosition(sitting.getId(), position)
                .orElseThrow(() -> BusinessException.notFound("ITEM_NOT_FOUND", "试卷中没有第 " + position + " 题"));
        answer.save(Responses.normalize(answer.getPaperItem().getQuestion(), response), now);
        return new SavedAnswer(position, answer.getResponse(), now, sitting.remainingSeconds(now));
    }

    public ExamPaperView submit(long candidateId, String applicationNumber) {
        Sitting sitting = lock(owned(candidateId, applicationNumber).getId());
        if (sitting.getStatus() != SittingStatus.IN_PROGRESS) {
            throw sitting.getStatus() == SittingStatus.READY
                    ? BusinessException.conflict("EXAM_NOT_STARTED", "尚未开始答题，不能交卷")
                    : ended(sitting);
        }
        end(sitting, SittingStatus.SUBMITTED);
        return view(candidateId, applicationNumber);
    }

    /** Ends a sitting in progress on the proctoring component's word (the 5th page leave, or a proctor). */
    public void terminate(long sittingId) {
        Sitting sitting = lock(sittingId);
        if (sitting.getStatus() == SittingStatus.IN_PROGRESS) {
            end(sitting, SittingStatus.TERMINATED);
        }
    }

    /** Sittings past their deadline, for the scheduler; each is then timed out in its own transaction. */
    @Transactional(readOnly = true)
    public List<Long> overdueSittingIds() {
        return sittings.findTop100ByStatusAndDeadlineBeforeOrderByDeadline(SittingStatus.IN_PROGRESS, clock.instant())
                .stream().map(Sitting::getId).toList();
    }

    /** Submits a sitting whose time is up, whether or not anybody is connected. */
    public void timeOut(long sittingId) {
        Sitting sitting = lock(sittingId);
        if (sitting.getStatus() == SittingStatus.IN_PROGRESS && !clock.instant().isBefore(sitting.getDeadline())) {
            end(sitting, SittingStatus.TIMED_OUT);
        }
    }

    /** At the exam's end: who never started is absent, who is still writing is submitted as timed out. */
    @EventListener
    void onMilestone(MilestoneReached event) {
        if (event.milestone() != Milestone.EXAM_CLOSED) {
            return;
        }
        for (Sitting open : sittings.findBySessionIdAndStatusIn(event.sessionId(),
                List.of(SittingStatus.READY, SittingStatus.IN_PROGRESS))) {
            Sitting sitting = lock(open.getId());
            end(sitting, sitting.getStatus() == SittingStatus.READY ? SittingStatus.ABSENT : SittingStatus.TIMED_OUT);
        }
    }

    @Transactional(readOnly = true)
    public Sitting get(long sittingId) {
        return sittings.findById(sittingId)
                .orElseThrow(() -> BusinessException.notFound("SITTING_NOT_FOUND", "考试记录不存在"));
    }

    @Transactional(readOnly = true)
    public Optional<Sitting> findByApplication(long applicationId) {
        return sittings.findByApplicationId(applicationId);
    }

    /** The sitting of the candidate's own application; anyone else's is simply not found. */
    @Transactional(readOnly = true)
    public Sitting owned(long candidateId, String applicationNumber) {
        Application application = applications.getOwned(candidateId, applicationNumber);
        return sittings.findByApplicationIdAndCandidateId(application.getId(), candidateId)
                .orElseThrow(() -> BusinessException.conflict("NO_SITTING", "考试尚未开放：通过审核和学时核验的考生在考试开始时可进入考试"));
    }

    private void end(Sitting sitting, SittingStatus status) {
        sitting.end(status, clock.instant());
        for (Answer answer : answers.findBySittingIdOrderByPaperItemPosition(sitting.getId())) {
            if (answer.getPaperItem().getQuestion().getQuestionType().autoGraded()) {
                answer.grade(Responses.autoScore(answer.getPaperItem(), answer.getResponse()), "system", clock.instant());
            }
        }
        events.publishEvent(new SittingEnded(sitting.getId(), sitting.getApplicationId(), status));
    }

    private void requireAnswering(Sitting sitting, Instant now) {
        if (sitting.getStatus() == SittingStatus.READY) {
            throw BusinessException.conflict("EXAM_NOT_STARTED", "请先开始考试再作答");
        }
        if (sitting.getStatus() != SittingStatus.IN_PROGRESS) {
            throw ended(sitting);
        }
        if (now.isAfter(sitting.getDeadline().plus(SAVE_GRACE))) {
            throw BusinessException.conflict("EXAM_TIME_OVER", "考试时间已到（截止 " + Dates.dateTime(sitting.getDeadline(), zone)
                    + "），本次作答未保存；已保存的答案将自动交卷");
        }
    }

    private Sitting lock(long sittingId) {
        Sitting sitting = entityManager.find(Sitting.class, sittingId, LockModeType.PESSIMISTIC_WRITE);
        if (sitting == null) {
            throw BusinessException.notFound("SITTING_NOT_FOUND", "考试记录不存在");
        }
        return sitting;
    }

    private static BusinessException ended(Sitting sitting) {
        return BusinessException.conflict("SITTING_ENDED", "本场考试已结束（" + sitting.getStatus().label() + "），不能继续作答");
    }
}
