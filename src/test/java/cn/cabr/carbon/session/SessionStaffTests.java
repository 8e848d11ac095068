package cn.cabr.carbon.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cabr.carbon.support.ApiClient;
import cn.cabr.carbon.support.CaseFixtures;
import cn.cabr.carbon.support.IntegrationTest;

@IntegrationTest
class SessionStaffTests {

    @Autowired
    CaseFixtures fixtures;
    @Autowired
    SessionStaff staff;

    @Test
    void aManagerNamesTheProctorsAndAdjudicatorsOfASession() {
        ExamSession session = fixtures.newSession();
        ApiClient manager = fixtures.staff("manager");
        String path = "/api/manager/sessions/" + session.getCode() + "/staff";

        ApiClient.Response assigned = manager.put(path, ApiClient.toJson(Map.of("proctors", List.of("proctor"),
                "adjudicators", List.of("adjudicator", "adjudicator2"))));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(manager.get(path).json().findValuesAsText("staffId")).containsExactly("adjudicator", "adjudicator2", "proctor");
        assertThat(staff.isAssigned(session.getId(), "proctor", SessionDuty.PROCTOR)).isTrue();
        assertThat(staff.isAssigned(session.getId(), "adjudicator", SessionDuty.PROCTOR)).isFalse();

        // Leaving a duty out keeps it; naming it again replaces it
        manager.put(path, ApiClient.toJson(Map.of("adjudicators", List.of("adjudicator2"))));
        assertThat(staff.isAssigned(session.getId(), "proctor", SessionDuty.PROCTOR)).isTrue();
        assertThat(staff.isAssigned(session.getId(), "adjudicator", SessionDuty.ADJUDICATOR)).isFalse();
        assertThat(staff.isAssigned(session.getId(), "adjudicator2", SessionDuty.ADJUDICATOR)).isTrue();
    }

    @Test
    void unknownStaffOrStaffOfAnotherGroupAreRefusedAndNothingChanges() {
        ExamSession session = fixtures.newSession();
        ApiClient manager = fixtures.staff("manager");
        String path = "/api/manager/sessions/" + session.getCode() + "/staff";
        manager.put(path, ApiClient.toJson(Map.of("proctors", List.of("proctor"))));

        ApiClient.Response refused = manager.put(path, ApiClient.toJson(Map.of("proctors", List.of("grader", "nobody"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("STAFF_NOT_IN_GROUP");
        assertThat(refused.json().get("message").asText()).contains("“grader”不是监考员").contains("“nobody”不是监考员");
        assertThat(staff.isAssigned(session.getId(), "proctor", SessionDuty.PROCTOR)).isTrue();

        assertThat(fixtures.staff("adjudicator").put(path, ApiClient.toJson(Map.of("proctors", List.of("adjudicator"))))
                .status()).isEqualTo(403);
    }
}
