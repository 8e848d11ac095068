package cn.cabr.carbon.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.cabr.carbon.proctoring.SessionThresholds;
import cn.cabr.carbon.proctoring.ThresholdTables;

/**
 * Writes one session's proctoring limits into the ProctoringThresholds decision table: reads the latest deployed
 * version, drops the rules whose session entry is exactly the session's code, puts the session's rules on top (hit
 * policy FIRST: they win over the general rules) and deploys the result as a new version named
 * {@code ProctoringThresholds-<code>}. Each measure gets its limit rule(s) and a closing "NONE" rule, so a value
 * below the session's limit never falls through to a general rule with a lower limit.
 *
 * <p>The start-up auto-deployment ("SpringAutoDeployment", duplicate filtering) compares the classpath file with the
 * resource of its own last deployment, not with these versions: a restart deploys nothing and the managers' rules
 * stay the latest. A release that changes {@code ProctoringThresholds.dmn} deploys the file as the newest version, and
 * session rules set before are no longer applied (see docs/readme-thresholds.md).
 */
@Component
class SessionThresholdTables implements ThresholdTables {

    static final String RESOURCE_NAME = "ProctoringThresholds.dmn";

    private final RepositoryService repositoryService;
    private final DmnProctoringThresholds evaluator;

    SessionThresholdTables(RepositoryService repositoryService, DmnProctoringThresholds evaluator) {
        this.repositoryService = repositoryService;
        this.evaluator = evaluator;
    }

    @Override
    public void forgetCached() {
        evaluator.forgetCached();
    }

    @Override
    public void replaceSessionRules(String sessionCode, SessionThresholds.Settings settings) {
        if (sessionCode == null || !sessionCode.matches("[A-Za-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("not a session code: " + sessionCode);
        }
        DmnModelInstance model = latestModel();
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        String sessionEntry = "\"" + sessionCode + "\"";
        List<Rule> kept = new ArrayList<>();
        for (Rule rule : new ArrayList<>(table.getRules())) {
            Text session = rule.getInputEntries().iterator().next().getText();
            if (session == null || !sessionEntry.equals(session.getTextContent().strip())) {
                kept.add(rule);
            }
            table.getRules().remove(rule);
        }
        String name = sessionCode.replace('-', '_');
        String page = "离开答题页面";
        table.getRules().add(rule(model, name, "PAGE_LEAVES", "TERMINATE", sessionEntry, settings.pageLeavesTerminate(),
                "考期 " + sessionCode + "：第 " + settings.pageLeavesTerminate() + " 次" + page + "自动结束考试"));
        table.getRules().add(rule(model, name, "PAGE_LEAVES", "WARN", sessionEntry, settings.pageLeavesWarn(),
                "考期 " + sessionCode + "：第 " + settings.pageLeavesWarn() + " 次起" + page + "警告考生并记录"));
        table.getRules().add(rule(model, name, "PAGE_LEAVES", "NONE", sessionEntry, null,
                "考期 " + sessionCode + "：未达到提醒次数不处理"));
        table.getRules().add(rule(model, name, "SECONDS_WITHOUT_FACE", "FLAG", sessionEntry, settings.secondsWithoutFace(),
                "考期 " + sessionCode + "：连续 " + settings.secondsWithoutFace() + " 秒及以上未检测到人脸，记录并交违纪裁定"));
        table.getRules().add(rule(model, name, "SECONDS_WITHOUT_FACE", "NONE", sessionEntry, null,
                "考期 " + sessionCode + "：短暂未检测到人脸不记录"));
        table.getRules().add(rule(model, name, "SECONDS_WITHOUT_HEARTBEAT", "FLAG", sessionEntry,
                settings.secondsWithoutHeartbeat(), "考期 " + sessionCode + "：连续 " + settings.secondsWithoutHeartbeat()
                        + " 秒及以上未收到答题页面心跳，记为网络中断并交违纪裁定"));
        table.getRules().add(rule(model, name, "SECONDS_WITHOUT_HEARTBEAT", "NONE", sessionEntry, null,
                "考期 " + sessionCode + "：短暂未收到心跳不记录"));
        kept.forEach(table.getRules()::add);
        Dmn.validateModel(model);
        repositoryService.createDeployment().name(DmnProctoringThresholds.DECISION_KEY + "-" + sessionCode)
                .addModelInstance(RESOURCE_NAME, model).deploy();
        forgetAfterCommit();
    }

    private DmnModelInstance latestModel() {
        DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(DmnProctoringThresholds.DECISION_KEY).latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("Decision " + DmnProctoringThresholds.DECISION_KEY + " is not deployed");
        }
        try (InputStream in = repositoryService.getDecisionModel(latest.getId())) {
            return Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One rule: measure, value ">= from" (or any value when from is null), action; ids Rule_<code>_<measure>_<action>. */
    private static Rule rule(DmnModelInstance model, String name, String measure, String action, String sessionEntry,
            Integer from, String description) {
        String id = "Rule_" + name + "_" + measure + "_" + action;
        Rule rule = model.newInstance(Rule.class, id);
        Description text = model.newInstance(Description.class);
        text.setTextContent(description);
        rule.setDescription(text);
        rule.getInputEntries().add(inputEntry(model, id + "_Session", sessionEntry));
        rule.getInputEntries().add(inputEntry(model, id + "_Measure", "\"" + measure + "\""));
        rule.getInputEntries().add(inputEntry(model, id + "_Value", from == null ? "" : ">= " + from));
        OutputEntry output = model.newInstance(OutputEntry.class, id.replaceFirst("^Rule_", "OutputEntry_") + "_Action");
        output.setText(text(model, "\"" + action + "\""));
        rule.getOutputEntries().add(output);
        return rule;
    }

    private static InputEntry inputEntry(DmnModelInstance model, String id, String content) {
        InputEntry entry = model.newInstance(InputEntry.class, id.replaceFirst("^Rule_", "InputEntry_"));
        entry.setText(text(model, content));
        return entry;
    }

    private static Text text(DmnModelInstance model, String content) {
        Text text = model.newInstance(Text.class);
        text.setTextContent(content);
        return text;
    }

    private void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evaluator.forgetCached();
                }
            });
        }
        evaluator.forgetCached();
    }
}
