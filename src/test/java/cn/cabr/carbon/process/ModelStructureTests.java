package cn.cabr.carbon.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.aop.support.AopUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cabr.carbon.support.IntegrationTest;

/**
 * Reads every model in processes/ and every form in forms/ and checks what the engine would only find out when a
 * case reaches the element: expressions name existing beans, methods and variables; forms exist and carry the
 * fields their listeners read; ids follow the convention; names are Chinese; every model has a history time to live.
 */
@IntegrationTest
class ModelStructureTests {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");
    static final Set<String> STAFF_GROUPS = Set.of("reviewer", "grader", "adjudicator", "manager", "proctor");
    static final Set<String> EL_WORDS = Set.of("null", "true", "false", "and", "or", "not", "eq", "ne", "lt", "gt",
            "le", "ge", "empty", "div", "mod", "instanceof", "execution", "task");
    static final Map<Class<?>, String> ID_PATTERNS = Map.ofEntries(
            Map.entry(StartEvent.class, "StartEvent_[A-Z]\\w+"),
            Map.entry(EndEvent.class, "EndEvent_[A-Z]\\w+"),
            Map.entry(IntermediateCatchEvent.class, "(Event|Timer)_[A-Z]\\w+"),
            Map.entry(UserTask.class, "Task_[A-Z]\\w+"),
            Map.entry(ServiceTask.class, "Task_[A-Z]\\w+"),
            Map.entry(BusinessRuleTask.class, "Task_[A-Z]\\w+"),
            Map.entry(SubProcess.class, "SubProcess_[A-Z]\\w+"),
            Map.entry(ExclusiveGateway.class, "Gateway_[A-Z]\\w+"),
            Map.entry(EventBasedGateway.class, "EventGateway_[A-Z]\\w+"),
            Map.entry(SequenceFlow.class, "SequenceFlow_[A-Z]\\w+"),
            Map.entry(Message.class, "Message_[A-Z]\\w+"));
    /** The listeners read these form fields; a form without them could never complete its task. */
    static final Map<String, Set<String>> FIELDS_READ_BY_LISTENERS = Map.of(
            "review-documents", Set.of("decision", "reason", "supplementDocuments"),
            "grade-short-answer", Set.of("score", "comment"),
            "adjudicate-violation", Set.of("decision", "remedy", "creditedMinutes", "reason"),
            "adjudicate-appeal", Set.of("decision", "remedy", "creditedMinutes", "reason"),
            "confirm-identity", Set.of("identityDecision", "identityReason"),
            "resolve-publication", Set.of("publicationDecision", "publicationReason"));

    static Map<String, BpmnModelInstance> models = new HashMap<>();
    static Map<String, JsonNode> forms = new HashMap<>();

    @Autowired
    ApplicationContext context;
    @Autowired
    RepositoryService repositoryService;

    @BeforeAll
    static void readFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    models.put(file.getFileName().toString(), Bpmn.readModelFromStream(in));
                }
            }
        }
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                forms.put(file.getFileName().toString(), new ObjectMapper().readTree(file.toFile()));
            }
        }
        assertThat(models).containsKeys("CertificationCase.bpmn", "ExamSession.bpmn");
        assertThat(forms).containsOnlyKeys("review-documents.form", "grade-short-answer.form", "adjudicate-violation.form",
                "adjudicate-appeal.form", "confirm-identity.form", "resolve-publication.form");
    }

    @Test
    void everyProcess_isNamedAfterItsFile_executable_withHistoryTimeToLive() {
        models.forEach((file, model) -> {
            Process process = model.getModelElementsByType(Process.class).iterator().next();
            assertThat(process.getId() + ".bpmn").isEqualTo(file);
            assertThat(process.isExecutable()).as(file).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as(file).matches("P\\d+D");
            assertThat(process.getName()).as(file).matches(".*\\p{IsHan}.*");
        });
    }

    @Test
    void everyElementId_followsTheConvention_andEveryFlowNodeHasAChineseName() {
        List<String> problems = new ArrayList<>();
        models.forEach((file, model) -> {
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                ID_PATTERNS.entrySet().stream().filter(e -> e.getKey().isInstance(element)).findFirst().ifPresent(e -> {
                    if (!element.getId().matches(e.getValue())) {
                        problems.add(file + ": id " + element.getId() + " should match " + e.getValue());
                    }
                });
                if (element instanceof FlowNode node && (node.getName() == null || !node.getName().matches(".*\\p{IsHan}.*"))) {
                    problems.add(file + ": " + node.getId() + " has no Chinese name");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDelegateExpression_namesAJavaDelegateBean_andServiceTasksAreAsynchronous() {
        for (BpmnModelInstance model : models.values()) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                String expression = task.getCamundaDelegateExpression();
                assertThat(expression).as(task.getId()).matches("\\$\\{\\w+}");
                String bean = expression.substring(2, expression.length() - 1);
                assertThat(context.containsBean(bean)).as(task.getId() + " -> " + bean).isTrue();
                assertThat(context.getBean(bean)).isInstanceOf(JavaDelegate.class);
                assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " calls out, so it is asynchronous").isTrue();
            }
        }
    }

    @Test
    void everyExpression_namesExistingBeansMethodsAndVariables() throws IllegalAccessException {
        Set<String> variables = declaredVariables();
        List<String> problems = new ArrayList<>();
        for (var entry : models.entrySet()) {
            for (String expression : expressionsIn(entry.getKey())) {
                String code = expression.replaceAll("'[^']*'", "''");
                Matcher call = Pattern.compile("\\b([a-zA-Z_]\\w*)\\.(\\w+)\\s*\\(").matcher(code);
                Set<String> beans = new HashSet<>();
                while (call.find()) {
                    String bean = call.group(1);
                    beans.add(bean);
                    if (!context.containsBean(bean)) {
                        problems.add(entry.getKey() + ": " + expression + " names no bean '" + bean + "'");
                    } else if (!hasPublicMethod(context.getBean(bean), call.group(2))) {
                        problems.add(entry.getKey() + ": " + expression + ": bean '" + bean + "' has no public method "
                                + call.group(2));
                    }
                }
                Matcher identifier = Pattern.compile("(?<![.\\w])([a-zA-Z_]\\w*)(?![\\w(.])").matcher(code);
                while (identifier.find()) {
                    String name = identifier.group(1);
                    if (!beans.contains(name) && !EL_WORDS.contains(name) && !variables.contains(name)
                            && !context.containsBean(name)) {
                        problems.add(entry.getKey() + ": " + expression + " reads unknown variable '" + name + "'");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyUserTask_hasAGroupADeployedFormAndAFormWithTheFieldsItsListenerReads() {
        Set<String> formIds = new HashSet<>();
        forms.forEach((file, form) -> {
            assertThat(form.get("id").asText() + ".form").isEqualTo(file);
            formIds.add(form.get("id").asText());
        });
        Set<String> referenced = new HashSet<>();
        for (BpmnModelInstance model : models.values()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaCandidateGroupsList()).as(task.getId()).isNotEmpty();
                assertThat(STAFF_GROUPS).as(task.getId()).containsAll(task.getCamundaCandidateGroupsList());
                assertThat(formIds).as(task.getId() + " formRef").contains(task.getCamundaFormRef());
                assertThat(task.getCamundaFormRefBinding()).isEqualTo("latest");
                assertThat(task.getCamundaDueDate()).as(task.getId() + " has a due date").isNotBlank();
                referenced.add(task.getCamundaFormRef());
            }
        }
        assertThat(referenced).as("every form is used").isEqualTo(formIds);
        FIELDS_READ_BY_LISTENERS.forEach((formId, keys) -> {
            Set<String> formKeys = new HashSet<>(forms.get(formId + ".form").findValuesAsText("key"));
            assertThat(formKeys).as(formId).containsAll(keys);
        });
    }

    @Test
    void everyFormComponent_hasAConventionalIdAndChineseLabels() {
        forms.forEach((file, form) -> {
            assertThat(form.get("schemaVersion").asInt()).as(file).isLessThanOrEqualTo(16);
            for (JsonNode component : form.get("components")) {
                assertThat(component.get("id").asText()).as(file).matches("(Text|Field)_[A-Z]\\w+");
                if (component.has("label")) {
                    assertThat(component.get("label").asText()).as(file).matches(".*\\p{IsHan}.*");
                }
            }
        });
    }

    @Test
    void everyModelAndForm_isDeployedByTheEngine() {
        var deployed = repositoryService.createDeploymentQuery().list().stream()
                .flatMap(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream())
                .map(name -> name.substring(name.lastIndexOf('/') + 1)).toList();
        assertThat(deployed).contains("CertificationCase.bpmn", "ExamSession.bpmn", "Eligibility.dmn",
                "review-documents.form", "grade-short-answer.form", "adjudicate-violation.form", "adjudicate-appeal.form",
                "IdentityCheck.bpmn", "confirm-identity.form", "ProctoringThresholds.dmn", "CertificateLifecycle.bpmn",
                "resolve-publication.form", "SendMail.bpmn");
    }

    @Test
    void theDecision_isNamedAfterItsFile_withHistoryTimeToLive_andParses() throws IOException {
        try (InputStream in = Files.newInputStream(PROCESSES.resolve("Eligibility.dmn"))) {
            DmnModelInstance model = Dmn.readModelFromStream(in);
            Decision decision = model.getModelElementsByType(Decision.class).iterator().next();
            assertThat(decision.getId()).isEqualTo("Eligibility");
            assertThat(decision.getCamundaHistoryTimeToLiveString()).matches("P\\d+D");
            assertThat(new DefaultDmnEngineConfiguration().buildEngine().parseDecisions(model)).hasSize(1);
        }
    }

    /** Every ${...} in the attribute values and texts of a model file. */
    private static List<String> expressionsIn(String file) {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            org.w3c.dom.Document document = factory.newDocumentBuilder().parse(PROCESSES.resolve(file).toFile());
            List<String> found = new ArrayList<>();
            collect(document.getDocumentElement(), found);
            return found;
        } catch (Exception e) {
            throw new IllegalStateException(file, e);
        }
    }

    private static void collect(org.w3c.dom.Node node, List<String> found) {
        Pattern expression = Pattern.compile("\\$\\{[^}]*}");
        if (node.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
            expression.matcher(node.getNodeValue()).results().forEach(r -> found.add(r.group()));
        }
        if (node.getAttributes() != null) {
            for (int i = 0; i < node.getAttributes().getLength(); i++) {
                expression.matcher(node.getAttributes().item(i).getNodeValue()).results().forEach(r -> found.add(r.group()));
            }
        }
        for (int i = 0; i < node.getChildNodes().getLength(); i++) {
            collect(node.getChildNodes().item(i), found);
        }
    }

    private static boolean hasPublicMethod(Object bean, String name) {
        Class<?> type = AopUtils.getTargetClass(bean);
        return Modifier.isPublic(type.getModifiers())
                && Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(name::equals);
    }

    /** The variable names the process side declares (CaseVariables, SessionVariables, the form fields). */
    private static Set<String> declaredVariables() throws IllegalAccessException {
        Set<String> names = new HashSet<>();
        for (Class<?> holder : List.of(CaseVariables.class, SessionVariables.class, StaffTaskListeners.class,
                IdentityCheckVariables.class, CertificateLifecycleVariables.class, MailVariables.class)) {
            for (Field field : holder.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    names.add((String) field.get(null));
                }
            }
        }
        return names;
    }
}
