package cn.cabr.carbon.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.junit.jupiter.api.Test;

import cn.cabr.carbon.operations.CaseStage;

/** Every place a case can wait at belongs to a dashboard stage, and every listed id exists in the model. */
class CaseStagesTests {

    @Test
    void everyWaitStateOfTheCaseModelHasAStage() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes/CertificationCase.bpmn").toFile());
        List<String> waitStates = new java.util.ArrayList<>();
        model.getModelElementsByType(Activity.class).stream().filter(a -> !(a instanceof SubProcess))
                .forEach(a -> waitStates.add(a.getId()));
        model.getModelElementsByType(IntermediateCatchEvent.class).forEach(e -> waitStates.add(e.getId()));
        model.getModelElementsByType(EventBasedGateway.class).forEach(g -> waitStates.add(g.getId()));
        assertThat(waitStates).isNotEmpty().allSatisfy(id -> assertThat(CaseStages.of(id)).as(id).isNotEqualTo(CaseStage.OTHER));
        CaseStages.ACTIVITIES.values().stream().flatMap(List::stream)
                .forEach(id -> assertThat((Object) model.getModelElementById(id)).as(id).isNotNull());
    }
}
