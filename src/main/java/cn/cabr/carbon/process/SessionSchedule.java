package cn.cabr.carbon.process;

import java.util.Date;

import org.springframework.stereotype.Component;

import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.session.Milestone;

/** The session's dates as the engine wants them: timer dates and task due dates are read from session data. */
@Component("sessionSchedule")
public class SessionSchedule {

    private final ExamSessions sessions;

    SessionSchedule(ExamSessions sessions) {
        this.sessions = sessions;
    }

    public Date dueAt(Long sessionId, String milestone) {
        return Date.from(sessions.get(sessionId).dueAt(Milestone.valueOf(milestone)));
    }
}
