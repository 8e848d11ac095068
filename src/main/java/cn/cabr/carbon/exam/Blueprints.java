package cn.cabr.carbon.exam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.audit.AuditAction;
import cn.cabr.carbon.audit.AuditLog;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.SessionCreated;
import cn.cabr.carbon.shared.BusinessException;

/**
 * Session blueprints. Every paper of a session is drawn from its blueprint; the blueprint's points must add up to
 * the session's total and every cell must be fillable from the active bank. It cannot change once papers exist.
 */
@Service
@Transactional
public class Blueprints {

    /**
     * The default for a 150-point paper: 30 single choice (1 point) and 20 true/false (1 point) spread evenly over
     * both subjects and the five modules, 20 multiple choice (2 points) likewise, and 5 short answers (12 points),
     * one per module. 30 + 20 + 40 + 60 = 150.
     */
    static final List<BlueprintLine.Cell> DEFAULT = defaultCells();

    public record LineView(BlueprintLine.Cell cell, long available) {
    }

    public record View(List<LineView> lines, int sum, int totalPoints, List<String> problems) {
    }

    private final BlueprintLineRepository lines;
    private final QuestionBank bank;
    private final ExamSessions sessions;
    private final SittingItemRepository sittingItems;
    private final AuditLog auditLog;

    Blueprints(BlueprintLineRepository lines, QuestionBank bank, ExamSessions sessions,
            SittingItemRepository sittingItems, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.lines = lines;
        this.bank = bank;
        this.sessions = sessions;
        this.sittingItems = sittingItems;
    }

    /** A new session gets the default blueprint when its total is the default's (the notice's 150 points). */
    @EventListener
    void onSessionCreated(SessionCreated event) {
        ExamSession session = sessions.get(event.sessionId());
        if (!event.archived() && sum(DEFAULT) == session.getTotalPoints()) {
            DEFAULT.forEach(cell -> lines.save(new BlueprintLine(session.getId(), cell)));
        }
    }

    @Transactional(readOnly = true)
    public List<BlueprintLine.Cell> cellsOf(long sessionId) {
        return lines.findBySessionIdOrderByQuestionTypeAscSubjectAscSyllabusModuleAscPointsAsc(sessionId).stream()
                .map(BlueprintLine::cell).toList();
    }

    @Transactional(readOnly = true)
    public View view(long sessionId) {
        ExamSession session = sessions.get(sessionId);
        List<BlueprintLine.Cell> cells = cellsOf(sessionId);
        List<LineView> views = cells.stream()
                .map(c -> new LineView(c, bank.activeCount(c.type(), c.subject(), c.module(), c.points()))).toList();
        return new View(views, sum(cells), session.getTotalPoints(), problems(session, cells));
    }

    /** Replaces the blueprint, refusing with every problem when it cannot produce a valid paper. */
    public View replace(long sessionId, List<BlueprintLine.Cell> cells) {
        ExamSession session = sessions.get(sessionId);
        if (sittingItems.existsBySessionId(sessionId)) {
            throw BusinessException.conflict("BLUEPRINT_LOCKED", session.getName() + "已有考生抽取试卷，组卷规则不能再修改");
        }
        List<String> problems = problems(session, cells);
        if (!problems.isEmpty()) {
            throw BusinessException.invalid("BLUEPRINT_INVALID", "组卷规则有误：" + String.join("；", problems));
        }
        lines.deleteBySessionId(sessionId);
        lines.flush();
        cells.stream().sorted(Comparator.comparing(BlueprintLine.Cell::type).thenComparing(BlueprintLine.Cell::subject)
                .thenComparingInt(BlueprintLine.Cell::module).thenComparingInt(BlueprintLine.Cell::points))
                .forEach(cell -> lines.save(new BlueprintLine(sessionId, cell)));
        auditLog.record(AuditAction.SESSION_CHANGED, auditLog.currentActor(), null, session.getCode(),
                session.getName() + "组卷规则改为 " + cells.size() + " 个条目、共 " + sum(cells) + " 分："
                        + cells.stream().map(c -> c.describe() + "×" + c.count()).collect(Collectors.joining("；")),
                null);
        return view(sessionId);
    }

    List<String> problems(ExamSession session, List<BlueprintLine.Cell> cells) {
        List<String> problems = new ArrayList<>();
        if (cells.isEmpty()) {
            problems.add("没有任何组卷条目");
            return problems;
        }
        Set<String> seen = new HashSet<>();
        for (BlueprintLine.Cell cell : cells) {
            if (cell.type() == null || cell.subject() == null) {
                problems.add("每个条目都须指定题型和科目");
                continue;
            }
            if (!seen.add(cell.describe())) {
                problems.add(cell.describe() + "重复出现");
            }
            if (!SyllabusModule.exists(cell.module())) {
                problems.add(cell.describe() + "：模块应为 1–5");
            }
            if (cell.count() < 1 || cell.points() < 1) {
                problems.add(cell.describe() + "：题数和分值须为正整数");
                continue;
            }
            long available = bank.activeCount(cell.type(), cell.subject(), cell.module(), cell.points());
            if (available < cell.count()) {
                problems.add(cell.describe() + "：需要 " + cell.count() + " 道，题库中启用的只有 " + available + " 道");
            }
        }
        int sum = sum(cells);
        if (sum != session.getTotalPoints()) {
            problems.add("各条目合计 " + sum + " 分，应等于考期总分 " + session.getTotalPoints() + " 分");
        }
        return problems;
    }

    static int sum(List<BlueprintLine.Cell> cells) {
        return cells.stream().mapToInt(c -> c.count() > 0 && c.points() > 0 ? c.totalPoints() : 0).sum();
    }

    private static List<BlueprintLine.Cell> defaultCells() {
        List<BlueprintLine.Cell> cells = new ArrayList<>();
        for (Subject subject : Subject.values()) {
            for (int module = 1; module <= 5; module++) {
                cells.add(new BlueprintLine.Cell(QuestionType.SINGLE_CHOICE, subject, module, 1, 3));
                cells.add(new BlueprintLine.Cell(QuestionType.MULTIPLE_CHOICE, subject, module, 2, 2));
                cells.add(new BlueprintLine.Cell(QuestionType.TRUE_FALSE, subject, module, 1, 2));
            }
        }
        cells.add(new BlueprintLine.Cell(QuestionType.SHORT_ANSWER, Subject.THEORY, 1, 12, 1));
        cells.add(new BlueprintLine.Cell(QuestionType.SHORT_ANSWER, Subject.PRACTICE, 2, 12, 1));
        cells.add(new BlueprintLine.Cell(QuestionType.SHORT_ANSWER, Subject.PRACTICE, 3, 12, 1));
        cells.add(new BlueprintLine.Cell(QuestionType.SHORT_ANSWER, Subject.PRACTICE, 4, 12, 1));
        cells.add(new BlueprintLine.Cell(QuestionType.SHORT_ANSWER, Subject.THEORY, 5, 12, 1));
        return List.copyOf(cells);
    }
}
