package cn.cabr.carbon.eligibility;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cabr.carbon.application.Application;
import cn.cabr.carbon.application.Applications;
import cn.cabr.carbon.shared.BusinessException;

/**
 * Eligibility (报考条件). The rules themselves live in processes/Eligibility.dmn, where managers can read them;
 * this service supplies the decision's inputs and keeps its outcome.
 */
@Service
@Transactional
public class Eligibility {

    private final EligibilityCheckRepository checks;
    private final Applications applications;
    private final Clock clock;

    Eligibility(EligibilityCheckRepository checks, Applications applications, Clock clock) {
        this.checks = checks;
        this.applications = applications;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EligibilityFacts factsOf(long applicationId) {
        Application a = applications.get(applicationId);
        if (a.getEducationLevel() == null || a.getRelatedWorkYears() == null) {
            throw BusinessException.invalid("ELIGIBILITY_FACTS_MISSING",
                    "报名 " + a.getApplicationNumber() + " 缺少学历或工作年限，无法判定报考资格");
        }
        return new EligibilityFacts(a.getEducationLevel().name(), a.isRelatedMajor(), a.getRelatedWorkYears(),
                a.isInstitutionStaff());
    }

    public EligibilityCheck record(long applicationId, boolean eligible, String ruleCode, String reason) {
        return checks.save(new EligibilityCheck(applicationId, eligible, ruleCode, reason, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<EligibilityCheck> latest(long applicationId) {
        return checks.findFirstByApplicationIdOrderByCheckedAtDescIdDesc(applicationId);
    }
}
