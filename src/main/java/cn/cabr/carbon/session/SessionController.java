package cn.cabr.carbon.session;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SessionController {

    private final ExamSessions sessions;

    SessionController(ExamSessions sessions) {
        this.sessions = sessions;
    }

    record MilestoneView(Milestone milestone, String label, Instant dueAt, Instant reachedAt, String reachedBy) {
    }

    record SessionView(String code, String name, boolean archived, int durationMinutes, int totalPoints, int passMark,
            int requiredHours, String supportContact, boolean sequentialNavigation, List<MilestoneView> milestones) {
    }

    /** The exam page's settings of a session; either may be left out to keep it. */
    record ExamSettings(Boolean sequentialNavigation, String supportContact) {
    }

    /** Sessions open for applications: public, so a candidate can see them before registering. */
    @GetMapping("/api/sessions")
    List<SessionView> open() {
        return sessions.openForApplications().stream().map(this::view).toList();
    }

    @GetMapping("/api/manager/sessions")
    List<SessionView> all() {
        return sessions.all().stream().map(this::view).toList();
    }

    @GetMapping("/api/manager/sessions/{code}")
    SessionView one(@PathVariable String code) {
        return view(sessions.getByCode(code));
    }

    @PostMapping("/api/manager/sessions")
    ResponseEntity<SessionView> create(@Valid @RequestBody SessionDefinition definition) {
        ExamSession session = sessions.create(definition);
        return ResponseEntity.created(URI.create("/api/manager/sessions/" + session.getCode())).body(view(session));
    }

    @GetMapping("/api/manager/sessions/{code}/exam-settings")
    ExamSettings examSettings(@PathVariable String code) {
        ExamSession session = sessions.getByCode(code);
        return new ExamSettings(session.isSequentialNavigation(), session.getSupportContact());
    }

    @PutMapping("/api/manager/sessions/{code}/exam-settings")
    ExamSettings changeExamSettings(@PathVariable String code, @RequestBody ExamSettings request) {
        ExamSession session = sessions.changeExamSettings(code, request.sequentialNavigation(), request.supportContact());
        return new ExamSettings(session.isSequentialNavigation(), session.getSupportContact());
    }

    private SessionView view(ExamSession s) {
        Map<Milestone, SessionMilestone> reached = sessions.reachedMilestones(s.getId());
        List<MilestoneView> milestones = Arrays.stream(Milestone.values()).map(m -> {
            SessionMilestone r = reached.get(m);
            return new MilestoneView(m, m.label(), s.dueAt(m), r == null ? null : r.getReachedAt(),
                    r == null ? null : r.getReachedBy());
        }).toList();
        return new SessionView(s.getCode(), s.getName(), s.isArchived(), s.getDurationMinutes(), s.getTotalPoints(),
                s.getPassMark(), s.getRequiredHours(), s.getSupportContact(), s.isSequentialNavigation(), milestones);
    }
}
