package cn.cabr.carbon.process;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cabr.carbon.operations.CaseStage;
import cn.cabr.carbon.operations.OperationsStatistics;
import cn.cabr.carbon.operations.SessionFigures;
import cn.cabr.carbon.security.Roles;

/**
 * The dashboard's figures as JSON, for managers only: Cockpit lets any staff member with Cockpit access call a
 * plugin's API, so the group is checked here. Links are Cockpit routes ({@code #/process-definition/...}) to the
 * CertificationCase definition's instance list, filtered by the session's id and the stage's activities.
 */
public class SessionFiguresResource extends AbstractCockpitPluginResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Figure(long value, String link) {
    }

    public record Stage(String stage, String label, long value, String link) {
    }

    public record Row(long sessionId, String code, String name, List<Stage> stages, long casesTotal,
            long resultsComputed, long passed, Double passRate, long voidedSittings, long sittingsInProgress,
            Figure overdueTasks, Figure openIncidents) {
    }

    public record Dashboard(String takenAt, String caseDefinitionId, List<Row> sessions) {
    }

    private final OperationsStatistics statistics;

    SessionFiguresResource(String engineName, OperationsStatistics statistics) {
        super(engineName);
        this.statistics = statistics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Dashboard sessions() {
        Authentication user = getCurrentAuthentication();
        if (user == null) {
            throw new WebApplicationException(Response.Status.UNAUTHORIZED);
        }
        if (user.getGroupIds() == null || !user.getGroupIds().contains(Roles.GROUP_MANAGER)) {
            throw new WebApplicationException(Response.status(Response.Status.FORBIDDEN)
                    .entity(Map.of("type", "Forbidden", "message", "仅考务管理员可以查看考期统计"))
                    .type(MediaType.APPLICATION_JSON).build());
        }
        ProcessDefinition definition = getProcessEngine().getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(CaseVariables.PROCESS_KEY).latestVersion().singleResult();
        String definitionId = definition == null ? null : definition.getId();
        OperationsStatistics.Snapshot snapshot = statistics.current();
        List<Row> rows = snapshot.sessions().stream().map(s -> row(s, definitionId)).toList();
        return new Dashboard(snapshot.takenAt().toString(), definitionId, rows);
    }

    private Row row(SessionFigures s, String definitionId) {
        List<Stage> stages = new ArrayList<>();
        long total = 0;
        for (CaseStage stage : CaseStage.values()) {
            long value = s.cases(stage);
            total += value;
            List<String> activities = CaseStages.ACTIVITIES.get(stage);
            // ended cases are not listed by Cockpit's community edition (no history views): no link
            String link = activities == null || definitionId == null ? null : link(definitionId, s.sessionId(), activities, false);
            stages.add(new Stage(stage.name(), stage.label(), value, link));
        }
        List<String> userTasks = CaseStages.ACTIVITIES.values().stream().flatMap(List::stream)
                .filter(id -> id.startsWith("Task_") && USER_TASKS.contains(id)).toList();
        String overdueLink = definitionId == null ? null : link(definitionId, s.sessionId(), userTasks, false);
        String incidentLink = definitionId == null ? null : link(definitionId, s.sessionId(), List.of(), true);
        return new Row(s.sessionId(), s.code(), s.name(), stages, total, s.resultsComputed(), s.passed(),
                s.passRate(), s.voidedSittings(), s.sittingsInProgress(), new Figure(s.overdueTasks(), overdueLink),
                new Figure(s.openIncidents(), incidentLink));
    }

    /** The case's user tasks (the ones that can be overdue). */
    private static final List<String> USER_TASKS = List.of("Task_ReviewDocuments", "Task_FirstMarking",
            "Task_SecondMarking", "Task_ThirdMarking", "Task_AdjudicateViolation", "Task_ConfirmViolation",
            "Task_ManagerAdjudication", "Task_DecideAppeal");

    /** A Cockpit route whose instance list is filtered as Cockpit's own search box would do it. */
    static String link(String definitionId, long sessionId, List<String> activities, boolean withIncident) {
        List<Map<String, Object>> query = new ArrayList<>();
        query.add(criterion("variables", String.valueOf(sessionId), CaseVariables.SESSION_ID));
        activities.forEach(id -> query.add(criterion("activityIdIn", id, null)));
        if (withIncident) {
            query.add(criterion("withIncident", "", null));
        }
        try {
            return "#/process-definition/" + definitionId + "/runtime?searchQuery="
                    + URLEncoder.encode(JSON.writeValueAsString(query), StandardCharsets.UTF_8).replace("+", "%20");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> criterion(String type, String value, String name) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("operator", "eq");
        c.put("value", value);
        c.put("name", name == null ? "" : name);
        return c;
    }
}
