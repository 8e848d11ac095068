package cn.cabr.carbon.adjudication;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.BusinessException;

/** Managers set how many days a session's candidates have to appeal an adjudication. */
@RestController
class AppealWindowController {

    record AppealWindowView(String sessionCode, int days) {
    }

    record AppealWindowRequest(Integer days) {
    }

    private final Adjudications adjudications;
    private final ExamSessions sessions;

    AppealWindowController(Adjudications adjudications, ExamSessions sessions) {
        this.adjudications = adjudications;
        this.sessions = sessions;
    }

    @GetMapping("/api/manager/sessions/{code}/appeal-window")
    AppealWindowView get(@PathVariable String code) {
        return new AppealWindowView(code, adjudications.appealWindowDays(sessions.getByCode(code).getId()));
    }

    @PutMapping("/api/manager/sessions/{code}/appeal-window")
    AppealWindowView change(@PathVariable String code, @RequestBody AppealWindowRequest request) {
        if (request.days() == null) {
            throw BusinessException.invalid("APPEAL_WINDOW_INVALID", "请填写申诉期天数（1–60 天）");
        }
        long sessionId = sessions.getByCode(code).getId();
        adjudications.changeAppealWindow(sessionId, request.days());
        return new AppealWindowView(code, adjudications.appealWindowDays(sessionId));
    }
}
