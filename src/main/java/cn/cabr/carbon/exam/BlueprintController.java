package cn.cabr.carbon.exam;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.MultipleChoicePolicy;
import cn.cabr.carbon.shared.BusinessException;

/** A session's blueprint and grading rules, for managers. */
@RestController
class BlueprintController {

    private final Blueprints blueprints;
    private final ExamSessions sessions;

    BlueprintController(Blueprints blueprints, ExamSessions sessions) {
        this.blueprints = blueprints;
        this.sessions = sessions;
    }

    record LineView(QuestionType type, String typeLabel, Subject subject, String subjectLabel, int module,
            String moduleLabel, int points, int count, long available) {
    }

    record BlueprintView(String sessionCode, int totalPoints, int sum, List<LineView> lines, List<String> problems) {
    }

    record BlueprintRequest(List<BlueprintLine.Cell> lines) {
    }

    record GradingRules(MultipleChoicePolicy multipleChoicePolicy, String multipleChoicePolicyLabel, Boolean doubleMarking,
            Integer markingThreshold) {
    }

    @GetMapping("/api/manager/sessions/{code}/blueprint")
    BlueprintView blueprint(@PathVariable String code) {
        return view(sessions.getByCode(code), blueprints.view(sessions.getByCode(code).getId()));
    }

    @PutMapping("/api/manager/sessions/{code}/blueprint")
    BlueprintView replace(@PathVariable String code, @RequestBody BlueprintRequest request) {
        if (request.lines() == null) {
            throw BusinessException.invalid("BLUEPRINT_INVALID", "请提供组卷条目 lines");
        }
        ExamSession session = sessions.getByCode(code);
        return view(session, blueprints.replace(session.getId(), request.lines()));
    }

    @GetMapping("/api/manager/sessions/{code}/grading")
    GradingRules grading(@PathVariable String code) {
        return rules(sessions.getByCode(code));
    }

    @PutMapping("/api/manager/sessions/{code}/grading")
    GradingRules changeGrading(@PathVariable String code, @RequestBody GradingRules request) {
        return rules(sessions.changeGrading(code, request.multipleChoicePolicy(), Boolean.TRUE.equals(request.doubleMarking()),
                request.markingThreshold() == null ? 3 : request.markingThreshold()));
    }

    private static GradingRules rules(ExamSession s) {
        return new GradingRules(s.getMultipleChoicePolicy(), s.getMultipleChoicePolicy().label(), s.isDoubleMarking(),
                s.getMarkingThreshold());
    }

    private static BlueprintView view(ExamSession session, Blueprints.View view) {
        List<LineView> lines = view.lines().stream().map(l -> new LineView(l.cell().type(), l.cell().type().label(),
                l.cell().subject(), l.cell().subject().label(), l.cell().module(), SyllabusModule.label(l.cell().module()),
                l.cell().points(), l.cell().count(), l.available())).toList();
        return new BlueprintView(session.getCode(), view.totalPoints(), view.sum(), lines, view.problems());
    }
}
