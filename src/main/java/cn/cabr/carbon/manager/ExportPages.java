package cn.cabr.carbon.manager;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.application.Candidate;
import cn.cabr.carbon.application.Candidates;
import cn.cabr.carbon.certificate.CertificateRegister;
import cn.cabr.carbon.scoring.ExamResult;
import cn.cabr.carbon.scoring.Scoring;
import cn.cabr.carbon.session.ExamSession;
import cn.cabr.carbon.session.ExamSessions;
import cn.cabr.carbon.shared.Dates;
import cn.cabr.carbon.shared.FileResponses;
import cn.cabr.carbon.shared.PersonNames;

/** The session's roster, results and certificate register as Excel downloads for managers. */
@Controller
class ExportPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ExamSessions sessions;
    private final Applications applications;
    private final Candidates candidates;
    private final Scoring scoring;
    private final CertificateRegister register;
    private final ZoneId zone;

    ExportPages(ExamSessions sessions, Applications applications, Candidates candidates, Scoring scoring,
            CertificateRegister register, ZoneId businessZone) {
        this.sessions = sessions;
        this.applications = applications;
        this.candidates = candidates;
        this.scoring = scoring;
        this.register = register;
        this.zone = businessZone;
    }

    @GetMapping("/manager/sessions/{code}/roster.xlsx")
    ResponseEntity<byte[]> roster(@PathVariable String code) {
        ExamSession session = sessions.getByCode(code);
        List<List<Object>> rows = new ArrayList<>();
        for (Application a : applications.ofSession(session.getId())) {
            Candidate c = candidates.get(a.getCandidateId());
            List<Object> row = new ArrayList<>();
            row.add(a.getApplicationNumber());
            row.add(PersonNames.mask(c.getFullName()));
            row.add(c.getMaskedIdNumber());
            row.add(a.getStatus().label());
            row.add(a.getOutcome() == null ? null : a.getOutcome().label());
            row.add(a.getSubmittedAt() == null ? null : Dates.dateTime(a.getSubmittedAt(), zone));
            rows.add(row);
        }
        return FileResponses.attachment(session.getCode() + "-考生名单.xlsx", XLSX, ManagerWorkbooks.write(
                session.getName() + " · " + ManagerWorkbooks.ROSTER_SHEET, ManagerWorkbooks.ROSTER_SHEET,
                ManagerWorkbooks.ROSTER_HEADERS, rows));
    }

    @GetMapping("/manager/sessions/{code}/results.xlsx")
    ResponseEntity<byte[]> results(@PathVariable String code) {
        ExamSession session = sessions.getByCode(code);
        List<List<Object>> rows = new ArrayList<>();
        for (Application a : applications.ofSession(session.getId())) {
            Optional<ExamResult> found = scoring.find(a.getId());
            if (found.isEmpty()) {
                continue;
            }
            ExamResult r = found.get();
            Candidate c = candidates.get(a.getCandidateId());
            List<Object> row = new ArrayList<>();
            row.add(a.getApplicationNumber());
            row.add(PersonNames.mask(c.getFullName()));
            row.add(c.getMaskedIdNumber());
            row.add(r.getObjectiveScore());
            row.add(r.getShortAnswerScore());
            row.add(r.getTotalScore());
            row.add(r.getTotalPoints());
            row.add(r.getPassMark());
            row.add(r.getOutcome() == null ? null : r.getOutcome().label());
            row.add(r.isPublished() ? "已公布" : "未公布");
            row.add(r.getPublishedAt() == null ? null : Dates.dateTime(r.getPublishedAt(), zone));
            rows.add(row);
        }
        return FileResponses.attachment(session.getCode() + "-考试成绩.xlsx", XLSX, ManagerWorkbooks.write(
                session.getName() + " · " + ManagerWorkbooks.RESULTS_SHEET, ManagerWorkbooks.RESULTS_SHEET,
                ManagerWorkbooks.RESULTS_HEADERS, rows));
    }

    @GetMapping("/manager/sessions/{code}/certificates.xlsx")
    ResponseEntity<byte[]> certificates(@PathVariable String code) {
        ExamSession session = sessions.getByCode(code);
        return FileResponses.attachment(session.getCode() + "-证书登记簿.xlsx", XLSX, register.workbook(code));
    }
}
