package cn.cabr.carbon.process;

import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.proctoring.ProctoringThresholds;

/**
 * Evaluates the latest deployed ProctoringThresholds decision table. Proctoring events arrive at peak by the
 * thousand, so the table is parsed once a minute into a plain DMN engine (no history rows per evaluation) rather
 * than evaluated through the process engine's decision service. A manager's change on this node takes effect at
 * once ({@link #forgetCached}); other nodes pick it up within the minute.
 */
@Component
class DmnProctoringThresholds implements ProctoringThresholds {

    static final String DECISION_KEY = "ProctoringThresholds";
    private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

    private final RepositoryService repositoryService;
    private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private volatile Loaded loaded;

    private record Loaded(DmnDecision decision, long loadedAtNanos) {
    }

    DmnProctoringThresholds(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public Action evaluate(String sessionCode, Measure measure, long value) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("sessionCode", sessionCode);
        variables.put("measure", measure.name());
        variables.put("value", value);
        DmnDecisionRuleResult result = dmnEngine.evaluateDecisionTable(decision(), variables).getFirstResult();
        Object action = result == null ? null : result.get("action");
        return action == null ? Action.NONE : Action.valueOf(action.toString());
    }

    /** Forgets the parsed table: the next evaluation reads the latest deployed version. */
    void forgetCached() {
        loaded = null;
    }

    private DmnDecision decision() {
        Loaded current = loaded;
        if (current == null || System.nanoTime() - current.loadedAtNanos() > RELOAD_AFTER.toNanos()) {
            DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                    .latestVersion().singleResult();
            if (latest == null) {
                throw new IllegalStateException("Decision " + DECISION_KEY + " is not deployed");
            }
            try (InputStream model = repositoryService.getDecisionModel(latest.getId())) {
                current = new Loaded(dmnEngine.parseDecision(DECISION_KEY, model), System.nanoTime());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            loaded = current;
        }
        return current.decision();
    }
}
