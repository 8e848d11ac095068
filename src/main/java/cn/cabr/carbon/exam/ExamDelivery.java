package cn.cabr.carbon.exam;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;
import cn.cabr.carbon.session.MilestoneReached;
import cn.cabr.carbon.shared.BusinessException;
import cn.cabr.carbon.shared.Dates;

/**
 * The exam component: opens sittings, draws each candidate's own paper when they start, runs the sitting on the
 * server's clock, stores answers, and ends sittings (submitted, timed out, absent or terminated), telling the case
 * through {@link SittingEnded}. Every change to a sitting first takes its row lock, so an answer can never slip in
 * after the sitting was graded, and two tabs of one candidate are applied one after the other.
 */
@Service
@Transactional
public class ExamDelivery {

    /** Network latency allowance for an answer sent just before the deadline: a save is judged to within 1 s. */
    static final Duration SAVE_GRACE = Duration.ofMillis(500);
    static final int MAX_EXTRA_MINUTES = 120;

    private final SittingRepository sittings;
    private final SittingItemRepository items;
    private final AnswerRepository answers;
    private final TimeGrantRepository timeGrants;
    private final Blueprints blueprints;
    private final QuestionBank bank;
    private final Applications applications;
    private final ExamSessions sessions;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final Clock clock;
    private final ZoneId zone;
    private final SecureRandom seeds = new SecureRandom();
    private final Map<Long, Boolean> sequentialBySession = new ConcurrentHashMap<>();
    private final List<StartGuard> startGuards;
    private final AuditLog auditLog;
    /** Incremented on every accepted save: the only cost on the hot path. */
    private final Counter answerSaves;

    ExamDelivery(SittingRepository sittings, SittingItemRepository items, AnswerRepository answers,
            TimeGrantRepository timeGrants, Blueprints blueprints, QuestionBank bank, Applications applications,
            ExamSessions sessions, ApplicationEventPublisher events, EntityManager entityManager, Clock clock,
            ZoneId businessZone, List<StartGuard> startGuards, AuditLog auditLog, MeterRegistry meters) {
        this.startGuards = startGuards;
        this.auditLog = auditLog;
        this.answerSaves = Counter.builder("certification.answer.saves")
                .description("Answer saves accepted from candidates' exam pages (rate() gives saves per second)")
                .register(meters);
        this.sittings = sittings;
        this.items = items;
        this.answers = answers;
        this.timeGrants = timeGrants;
        this.blueprints = blueprints;
        this.bank = bank;
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
        Sitting sitting = sittings.save(new Sitting(applicationId, application.getApplicationNumber(),
                application.getCandidateId(), application.getSessionId(), clock.instant()));
        if (sessions.isReached(application.getSessionId(), Milestone.EXAM_CLOSED)) {
            sitting.end(SittingStatus.ABSENT, clock.instant());
        }
        return sitting;
    }

    @Transactional(readOnly = true)
    public ExamPaperView view(long candidateId, String applicationNumber) {
        return viewOf(owned(candidateId, applicationNumber), applicationNumber);
    }

    /** Where the candidate stands before the paper, for the device check and exam pages (their own application only). */
    @Transactional(readOnly = true)
    public ExamEntry entry(long candidateId, String applicationNumber) {
        Application application = applications.getOwned(candidateId, applicationNumber);
        ExamSession session = sessions.get(application.getSessionId());
        Optional<Sitting> sitting = sittings.findByApplicationId(application.getId());
        boolean opened = sessions.isReachedReadOnly(session.getId(), Milestone.EXAM_OPENED);
        boolean closed = sessions.isReachedReadOnly(session.getId(), Milestone.EXAM_CLOSED);
        String window = Dates.dateTime(session.getExamStartAt(), zone) + " 至 " + Dates.dateTime(session.getExamEndAt(), zone);
        ExamEntry.State state;
        String message;
        if (sitting.isEmpty() || sitting.get().getStatus() == SittingStatus.READY && !opened) {
            state = !opened ? ExamEntry.State.NOT_OPEN_YET : ExamEntry.State.NOT_ADMITTED;
            message = !opened ? "考试尚未开始，将于 " + Dates.dateTime(session.getExamStartAt(), zone) + " 开始（考试时段 " + window
                    + "）。开考前可先完成设备检测；通过资格审核与学时核验的考生开考后即可进入考试。"
                    : closed ? "本期考试已结束（考试时段 " + window + "），您没有本期考试的答题记录。"
                    : "您没有本期考试的参考资格，或考试尚未为您开放；请在“我的报名”中查看进度，如有疑问请联系考务客服。";
        } else {
            Sitting s = sitting.get();
            switch (s.getStatus()) {
                case READY, REOPENED -> {
                    boolean windowPassed = s.getRemedyWindowEnd() != null && clock.instant().isAfter(s.getRemedyWindowEnd());
                    state = windowPassed ? ExamEntry.State.ENDED : ExamEntry.State.OPEN;
                    message = s.getRemedy() != null ? (windowPassed ? "补救考试的进入期限已过。" : remedyMessage(s))
                            : "考试已开始（考试时段 " + window + "），完成设备检测后即可进入考试，考试时长 "
                            + session.getDurationMinutes() + " 分钟，从您进入考试时开始计时。";
                }
                case IN_PROGRESS -> {
                    state = ExamEntry.State.IN_PROGRESS;
                    message = "您的考试正在进行中，剩余时间由服务器计算（截止 " + Dates.dateTime(s.getDeadline(), zone)
                            + "）。完成设备检测后继续作答，已保存的答案不会丢失。";
                }
                default -> {
                    state = ExamEntry.State.ENDED;
                    message = "本场考试已结束：" + s.getStatus().label() + "。";
                }
            }
        }
        return new ExamEntry(applicationNumber, session.getName(), session.getExamStartAt(), session.getExamEndAt(),
                session.getDurationMinutes(), session.getTotalPoints(), session.getSupportContact(),
                session.isSequentialNavigation(), state, sitting.map(Sitting::getStatus).orElse(null),
                sitting.map(Sitting::getId).orElse(null), message);
    }

    /**
     * Starts the candidate's clock and draws their paper, or resumes: a refresh, a new browser or another device
     * gets the same paper, answers, flags and deadline.
     */
    public ExamPaperView start(long candidateId, String applicationNumber) {
        Sitting sitting = lockOwned(candidateId, applicationNumber);
        switch (sitting.getStatus()) {
            case READY -> {
                ExamSession session = sessions.get(sitting.getSessionId());
                requireRemedyWindowOpen(sitting);
                if (!sessions.isReachedReadOnly(session.getId(), Milestone.EXAM_OPENED)) {
                    throw BusinessException.conflict("EXAM_NOT_OPEN", "考试尚未开始，请在考试开始后进入");
                }
                startGuards.forEach(guard -> guard.beforeStart(sitting));
                List<SittingItem> paper = drawPaper(sitting, session);
                sitting.start(clock.instant(), Duration.ofMinutes(session.getDurationMinutes()));
                return viewOf(sitting, applicationNumber, paper.stream().map(item -> ExamPaperView.ItemView.of(item, null)).toList());
            }
            case IN_PROGRESS -> { }
            case REOPENED -> resume(sitting);
            default -> throw ended(sitting);
        }
        return viewOf(sitting, applicationNumber);
    }

    /**
     * Time credit (补足考试时间): the same paper and saved answers, exactly the credited minutes from now. Refused
     * once the remedy's window has passed (its timer closes the sitting again).
     */
    private void resume(Sitting sitting) {
        requireRemedyWindowOpen(sitting);
        sitting.resume(clock.instant());
    }

    private void requireRemedyWindowOpen(Sitting sitting) {
        if (sitting.getRemedyWindowEnd() != null && clock.instant().isAfter(sitting.getRemedyWindowEnd())) {
            throw BusinessException.conflict("REMEDY_WINDOW_CLOSED", sitting.getRemedy().label() + "须在 "
                    + Dates.dateTime(sitting.getRemedyWindowEnd(), zone) + " 前进入考试，该期限已过");
        }
    }

    /** What the exam pages say about a sitting under a technical-problem remedy, before the candidate enters. */
    private String remedyMessage(Sitting s) {
        String by = Dates.dateTime(s.getRemedyWindowEnd(), zone);
        return s.getRemedy() == RemedyKind.TIME_CREDIT
                ? "经违纪核查认定为技术故障，为您补足考试时间 " + s.getRemedyMinutes() + " 分钟：请于 " + by
                        + " 前进入考试，继续作答原试卷，已保存的答案保留；从您进入时起计时 " + s.getRemedyMinutes() + " 分钟。"
                : "经违纪核查认定为技术故障，准予重考：请于 " + by + " 前进入考试，系统将为您抽取一份新试卷（原答卷不再计分），"
                        + "考试时长 " + sessions.get(s.getSessionId()).getDurationMinutes() + " 分钟，从您进入考试时开始计时。";
    }

    /**
     * Saves one answer. The client numbers its saves (a counter that only grows, kept across tabs and reloads):
     * a save with a lower number than the stored one is stale and changes nothing, the same number again is a
     * repeat and changes nothing; the answer returned is always the one the server holds.
     */
    public SavedAnswer saveAnswer(long candidateId, String applicationNumber, int position, String response,
            Boolean flagged, Long clientSequence) {
        if (clientSequence == null || clientSequence < 1) {
            throw BusinessException.invalid("SEQUENCE_REQUIRED", "请提供递增的保存序号 clientSequence（正整数）");
        }
        Sitting sitting = lockOwned(candidateId, applicationNumber);
        Instant now = clock.instant();
        requireAnswering(sitting, now);
        List<Object[]> found = items.itemWithAnswer(sitting.getId(), position);
        if (found.isEmpty()) {
            throw BusinessException.notFound("ITEM_NOT_FOUND", "试卷中没有第 " + position + " 题");
        }
        SittingItem item = (SittingItem) found.get(0)[0];
        Question question = bank.version(item.getQuestionId());
        String own = Responses.normalize(item, question, response);
        if (isSequential(sitting.getSessionId())) {
            requireInOrder(sitting, position, own);
        }
        Answer answer = found.get(0)[1] != null ? (Answer) found.get(0)[1] : answers.save(new Answer(sitting.getId(), item));
        boolean flag = flagged != null ? flagged : answer.isFlagged();
        Answer.SaveOutcome outcome = answer.save(own, flag, clientSequence, now);
        answerSaves.increment();
        return new SavedAnswer(position, item.toShown(question, answer.getResponse()), answer.isFlagged(),
                answer.getVersion(), answer.getClientSequence(), outcome, answer.getSavedAt(), sitting.remainingSeconds(now));
    }

    /** What the exam page polls: the sitting's state and the server's time left, without the paper. */
    @Transactional(readOnly = true)
    public SittingClock clock(long candidateId, String applicationNumber) {
        Sitting sitting = owned(candidateId, applicationNumber);
        Instant now = clock.instant();
        return new SittingClock(applicationNumber, sitting.getStatus(), sitting.getStatus().label(), now,
                sitting.getDeadline(), sitting.remainingSeconds(now));
    }

    public ExamPaperView submit(long candidateId, String applicationNumber) {
        Sitting sitting = lockOwned(candidateId, applicationNumber);
        if (sitting.getStatus() != SittingStatus.IN_PROGRESS) {
            throw sitting.getStatus() == SittingStatus.READY
                    ? BusinessException.conflict("EXAM_NOT_STARTED", "尚未开始答题，不能交卷")
                    : ended(sitting);
        }
        end(sitting, SittingStatus.SUBMITTED);
        return viewOf(sitting, applicationNumber);
    }

    /**
     * Extra time for one candidate, granted by a manager with a reason and kept as an audit trail. Before the
     * candidate starts it is added when they start; during the sitting it moves the deadline at once.
     */
    public Sitting grantExtraTime(String applicationNumber, int minutes, String reason, String manager) {
        if (minutes < 1 || minutes > MAX_EXTRA_MINUTES) {
            throw BusinessException.invalid("EXTRA_TIME_INVALID", "延长时间应为 1–" + MAX_EXTRA_MINUTES + " 分钟");
        }
        if (reason == null || reason.strip().length() < 5) {
            throw BusinessException.invalid("EXTRA_TIME_REASON_REQUIRED", "请填写延长考试时间的理由（至少 5 个字）");
        }
        Application application = applications.getByNumber(applicationNumber);
        Sitting sitting = lock(sittings.findByApplicationId(application.getId())
                .orElseThrow(() -> BusinessException.conflict("NO_SITTING", "该考生的考试尚未开放")).getId());
        if (sitting.getStatus().ended()) {
            throw BusinessException.conflict("SITTING_ENDED", "该场考试已结束（" + sitting.getStatus().label() + "），不能再延长时间");
        }
        if (sitting.getStatus() == SittingStatus.IN_PROGRESS && clock.instant().isAfter(sitting.getDeadline().plus(SAVE_GRACE))) {
            throw BusinessException.conflict("SITTING_ENDED", "该场考试时间已到，正在自动交卷，不能再延长时间");
        }
        sitting.grantExtra(Duration.ofMinutes(minutes));
        timeGrants.save(new TimeGrant(sitting.getId(), minutes * 60, reason.strip(), manager, clock.instant()));
        auditLog.record(AuditAction.EXTRA_TIME_GRANTED, manager, applicationNumber,
                sessions.get(sitting.getSessionId()).getCode(),
                "报名 " + applicationNumber + " 延长考试时间 " + minutes + " 分钟（考试状态：" + sitting.getStatus().label() + "）",
                reason.strip());
        return sitting;
    }

    @Transactional(readOnly = true)
    public List<TimeGrant> timeGrants(long sittingId) {
        return timeGrants.findBySittingIdOrderByGrantedAt(sittingId);
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

    @Transactional(readOnly = true)
    public List<SittingItem> paperOf(long sittingId) {
        return items.findBySittingIdOrderByPosition(sittingId);
    }

    /** The sitting of the candidate's own application; anyone else's is simply not found. */
    @Transactional(readOnly = true)
    public Sitting owned(long candidateId, String applicationNumber) {
        return sittings.findByApplicationNumberAndCandidateId(applicationNumber, candidateId)
                .orElseThrow(() -> noSitting(candidateId, applicationNumber));
    }

    /** The candidate's own sitting, locked for a change: one statement on the hot path of saves. */
    private Sitting lockOwned(long candidateId, String applicationNumber) {
        return sittings.lockOwned(applicationNumber, candidateId)
                .orElseThrow(() -> noSitting(candidateId, applicationNumber));
    }

    /** Not the candidate's application (404), or their case has not reached the exam yet (409). */
    private BusinessException noSitting(long candidateId, String applicationNumber) {
        applications.getOwned(candidateId, applicationNumber);
        return BusinessException.conflict("NO_SITTING", "考试尚未开放：通过审核和学时核验的考生在考试开始时可进入考试");
    }

    /** The candidate's paper, frozen once drawn; the seed is kept so the drawing can be reproduced. */
    private List<SittingItem> drawPaper(Sitting sitting, ExamSession session) {
        long seed = seeds.nextLong();
        List<PaperDrawer.DrawnItem> drawn = PaperDrawer.draw(blueprints.cellsOf(session.getId()), bank.drawingPool(), seed);
        int total = drawn.stream().mapToInt(PaperDrawer.DrawnItem::points).sum();
        if (drawn.isEmpty() || total != session.getTotalPoints()) {
            throw BusinessException.conflict("PAPER_CANNOT_BE_DRAWN", "试卷无法生成：组卷规则合计 " + total + " 分，考期总分为 "
                    + session.getTotalPoints() + " 分，请联系考务客服");
        }
        int position = 1;
        List<SittingItem> paper = new ArrayList<>();
        for (PaperDrawer.DrawnItem d : drawn) {
            paper.add(new SittingItem(sitting.getId(), position++, d.question(), d.points(), d.optionOrder()));
        }
        items.saveAll(paper);
        sitting.recordSeed(seed);
        return paper;
    }

    private ExamPaperView viewOf(Sitting sitting, String applicationNumber) {
        List<ExamPaperView.ItemView> itemViews = List.of();
        if (sitting.getStatus() == SittingStatus.IN_PROGRESS) {
            Map<Long, Answer> byItem = new HashMap<>();
            answers.findBySittingIdOrderByItemPosition(sitting.getId()).forEach(a -> byItem.put(a.getItem().getId(), a));
            itemViews = items.findBySittingIdOrderByPosition(sitting.getId()).stream()
                    .map(item -> ExamPaperView.ItemView.of(item, byItem.get(item.getId()))).toList();
        }
        return viewOf(sitting, applicationNumber, itemViews);
    }

    private ExamPaperView viewOf(Sitting sitting, String applicationNumber, List<ExamPaperView.ItemView> itemViews) {
        ExamSession session = sessions.get(sitting.getSessionId());
        Instant now = clock.instant();
        return new ExamPaperView(applicationNumber, session.getName(), sitting.getStatus(), sitting.getStatus().label(),
                now, sitting.getDeadline(), sitting.remainingSeconds(now), session.getDurationMinutes(),
                sitting.getExtraSeconds() / 60, session.getTotalPoints(), session.getSupportContact(),
                session.isSequentialNavigation(), itemViews);
    }

    /** Ends the sitting: every item gets its answer row (blank if never saved), objective items are graded. */
    private void end(Sitting sitting, SittingStatus status) {
        sitting.end(status, clock.instant());
        var policy = sessions.get(sitting.getSessionId()).getMultipleChoicePolicy();
        List<Answer> saved = answers.findBySittingIdOrderByItemPosition(sitting.getId());
        Set<Long> answered = saved.stream().map(a -> a.getItem().getId()).collect(Collectors.toSet());
        List<Answer> blank = items.findBySittingIdOrderByPosition(sitting.getId()).stream()
                .filter(item -> !answered.contains(item.getId())).map(item -> new Answer(sitting.getId(), item)).toList();
        answers.saveAll(blank);
        List<Answer> all = new ArrayList<>(saved);
        all.addAll(blank);
        for (Answer answer : all) {
            if (answer.getItem().getQuestion().getQuestionType().autoGraded()) {
                answer.grade(Responses.autoScore(answer.getItem(), answer.getResponse(), policy), "system", clock.instant());
            }
        }
        events.publishEvent(new SittingEnded(sitting.getId(), sitting.getApplicationId(), status));
    }

    /**
     * Whether the session's candidates answer strictly in order. Read once per session and kept: the setting is
     * fixed once the exam opens ({@link ExamSessions#changeExamSettings}), and saves only happen after that.
     */
    private boolean isSequential(long sessionId) {
        return sequentialBySession.computeIfAbsent(sessionId, id -> sessions.get(id).isSequentialNavigation());
    }

    /**
     * 按顺序依次作答: an item may be answered once every item before it is answered; going back to change an answer
     * is allowed, clearing one that has answered items after it is not (that would reopen a gap).
     */
    private void requireInOrder(Sitting sitting, int position, String ownResponse) {
        Set<Integer> answered = new HashSet<>(answers.answeredPositions(sitting.getId()));
        for (int before = 1; before < position; before++) {
            if (!answered.contains(before)) {
                throw BusinessException.conflict("OUT_OF_ORDER", "本场考试须按顺序依次作答：请先完成第 " + before
                        + " 题，再作答第 " + position + " 题");
            }
        }
        if (ownResponse == null && answered.stream().anyMatch(p -> p > position)) {
            throw BusinessException.conflict("OUT_OF_ORDER", "本场考试须按顺序依次作答：第 " + position
                    + " 题之后的题目已作答，本题答案可以修改，但不能清空");
        }
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
