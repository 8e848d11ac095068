package cn.cabr.carbon.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.eligibility.Eligibility;

/**
 * Around the business rule task 报考资格审查: hands the decision its inputs as transient variables (never
 * stored in the engine), and afterwards records the decision's outcome in the eligibility module, keeping only
 * the gateway flag as a process variable.
 */
@Component("eligibilityListeners")
public class EligibilityListeners {

    private final Eligibility eligibility;

    EligibilityListeners(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    public void provideInputs(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(CaseVariables.APPLICATION_ID);
        eligibility.factsOf(applicationId).asVariables()
                .forEach((name, value) -> execution.setVariable(name, Variables.untypedValue(value, true)));
    }

    public void recordOutcome(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(CaseVariables.APPLICATION_ID);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) execution.getVariable(CaseVariables.ELIGIBILITY_RESULT);
        boolean eligible = result != null && Boolean.TRUE.equals(result.get("eligible"));
        String rule = result == null ? "NONE" : String.valueOf(result.get("rule"));
        String reason = result == null ? "不满足任何一项报考条件" : String.valueOf(result.get("reason"));
        eligibility.record(applicationId, eligible, rule, reason);
        execution.removeVariable(CaseVariables.ELIGIBILITY_RESULT);
        execution.setVariable(CaseVariables.ELIGIBLE, eligible);
    }
}
