package cn.cabr.carbon.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.session.ExamSessions;

/**
 * For the load benchmark only (profile {@code benchmark}, never in production): candidates with approved
 * applications created in bulk, without the review a real case goes through.
 */
@Component
@Profile("benchmark")
public class BulkApplications {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    public record Created(long applicationId, String applicationNumber, String mobile) {
    }

    private final CandidateRepository candidates;
    private final ApplicationRepository applications;
    private final PiiProtector protector;
    private final ExamSessions sessions;
    private final Clock clock;

    BulkApplications(CandidateRepository candidates, ApplicationRepository applications, PiiProtector protector,
            ExamSessions sessions, Clock clock) {
        this.candidates = candidates;
        this.applications = applications;
        this.protector = protector;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Candidates {@code from} .. {@code from + count - 1}, sharing one password hash, approved for the session. */
    @Transactional
    public List<Created> create(long sessionId, int from, int count, String passwordHash) {
        List<Created> created = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String idNumber = idNumber(i);
            String mobile = "166" + String.format("%08d", i);
            Candidate candidate = candidates.save(new Candidate(mobile, null, passwordHash, "压测考生" + i, idNumber,
                    protector.lookupHash(idNumber), clock.instant()));
            Application application = new Application(sessions.nextApplicationNumber(sessionId), candidate.getId(),
                    sessionId, clock.instant());
            application.update(new ApplicantDetails(null, null, EducationLevel.BACHELOR, "压测大学", LocalDate.of(2015, 7, 1),
                    "环境工程", true, 3, "压测单位", "工程师", null, false, true,
                    EligibilityClause.RULE_3_BACHELOR_1Y));
            application.markSubmitted(clock.instant());
            application.markApproved();
            applications.save(application);
            created.add(new Created(application.getId(), application.getApplicationNumber(), mobile));
        }
        return created;
    }

    /** A valid, distinct ID-card number per index. */
    static String idNumber(int index) {
        String base = "320102" + LocalDate.of(1970, 1, 1).plusDays(index / 900).toString().replace("-", "")
                + String.format("%03d", index % 900 + 100);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * WEIGHTS[i];
        }
        return base + "10X98765432".charAt(sum % 11);
    }
}
