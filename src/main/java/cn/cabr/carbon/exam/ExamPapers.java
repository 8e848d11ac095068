package cn.cabr.carbon.exam;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.SessionCreated;
import cn.cabr.carbon.shared.BusinessException;

/**
 * The fixed paper of a session, assembled from the bank when the session is created. The blueprint here
 * (10 single choice x 3, 10 multiple choice x 4, 10 true/false x 2, 3 short answers x 20 = 150 points) is the
 * default; a paper whose points do not add up to the session's total is refused.
 */
@Service
@Transactional
public class ExamPapers {

    record BlueprintLine(QuestionType type, int count, int points) {
    }

    static final List<BlueprintLine> DEFAULT_BLUEPRINT = List.of(
            new BlueprintLine(QuestionType.SINGLE_CHOICE, 10, 3),
            new BlueprintLine(QuestionType.MULTIPLE_CHOICE, 10, 4),
            new BlueprintLine(QuestionType.TRUE_FALSE, 10, 2),
            new BlueprintLine(QuestionType.SHORT_ANSWER, 3, 20));

    private final QuestionRepository questions;
    private final PaperItemRepository items;
    private final ExamSessions sessions;

    ExamPapers(QuestionRepository questions, PaperItemRepository items, ExamSessions sessions) {
        this.questions = questions;
        this.items = items;
        this.sessions = sessions;
    }

    @EventListener
    void onSessionCreated(SessionCreated event) {
        if (!event.archived()) {
            assemble(sessions.get(event.sessionId()));
        }
    }

    public List<PaperItem> assemble(ExamSession session) {
        if (items.existsBySessionId(session.getId())) {
            return paperOf(session.getId());
        }
        int total = DEFAULT_BLUEPRINT.stream().mapToInt(l -> l.count() * l.points()).sum();
        if (total != session.getTotalPoints()) {
            throw BusinessException.invalid("PAPER_POINTS_MISMATCH",
                    "试卷总分 " + total + " 与考期总分 " + session.getTotalPoints() + " 不一致");
        }
        List<PaperItem> paper = new ArrayList<>();
        int position = 1;
        for (BlueprintLine line : DEFAULT_BLUEPRINT) {
            List<Question> available = questions.findByQuestionTypeAndActiveTrueOrderByCode(line.type());
            if (available.size() < line.count()) {
                throw BusinessException.invalid("QUESTION_BANK_TOO_SMALL", "题库中" + line.type().label() + "不足 "
                        + line.count() + " 道（现有 " + available.size() + " 道）");
            }
            for (Question q : available.subList(0, line.count())) {
                paper.add(new PaperItem(session.getId(), q, position++, line.points()));
            }
        }
        return items.saveAll(paper);
    }

    @Transactional(readOnly = true)
    public List<PaperItem> paperOf(long sessionId) {
        return items.findBySessionIdOrderByPosition(sessionId);
    }
}
