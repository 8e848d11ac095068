package cn.cabr.carbon.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evaluates processes/Eligibility.dmn with the standalone Camunda DMN engine.
 * One test per eligibility rule of the notice, boundary tests just below each
 * work-years threshold, order tests for overlapping rules, and structure checks.
 */
class EligibilityDecisionTests {

  private static final String DMN_RESOURCE = "processes/Eligibility.dmn";
  private static final String DECISION_KEY = "Eligibility";

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = resource()) {
      decision = dmnEngine.parseDecision(DECISION_KEY, dmn);
    }
  }

  // ---------------------------------------------------------------- eligible: one test per rule

  @Test
  void rule1_secondaryVocationalWithFiveYears_isEligible() {
    assertEligible(evaluate("SECONDARY_VOCATIONAL", false, 5, false), "RULE_1_SECONDARY_5Y", "第1条");
  }

  @Test
  void rule2_juniorCollegeAnyMajorWithTwoYears_isEligible() {
    assertEligible(evaluate("JUNIOR_COLLEGE", false, 2, false), "RULE_2_COLLEGE_2Y", "第2条");
  }

  @Test
  void rule3_bachelorUnrelatedMajorWithOneYear_isEligible() {
    assertEligible(evaluate("BACHELOR", false, 1, false), "RULE_3_BACHELOR_1Y", "第3条");
  }

  @Test
  void rule3_masterUnrelatedMajorWithOneYear_isEligible() {
    assertEligible(evaluate("MASTER", false, 1, false), "RULE_3_BACHELOR_1Y", "第3条");
  }

  @Test
  void rule4_relatedMasterWithoutWorkYears_isEligible() {
    assertEligible(evaluate("MASTER", true, 0, false), "RULE_4_RELATED_ADVANCED_DEGREE", "第4条");
  }

  @Test
  void rule4_relatedDoubleBachelorWithoutWorkYears_isEligible() {
    assertEligible(evaluate("DOUBLE_BACHELOR", true, 0, false), "RULE_4_RELATED_ADVANCED_DEGREE", "第4条");
  }

  @Test
  void rule4_relatedDoctorWithoutWorkYears_isEligible() {
    assertEligible(evaluate("DOCTOR", true, 0, false), "RULE_4_RELATED_ADVANCED_DEGREE", "第4条");
  }

  @Test
  void rule5_institutionStaffWithHighSchoolAndNoWorkYears_isEligible() {
    assertEligible(evaluate("HIGH_SCHOOL_OR_BELOW", false, 0, true), "RULE_5_INSTITUTION_STAFF", "第5条");
  }

  @Test
  void rule6_highSchoolWithEightYears_isEligible() {
    assertEligible(evaluate("HIGH_SCHOOL_OR_BELOW", false, 8, false), "RULE_6_WORK_8Y", "第6条");
  }

  // ---------------------------------------------------------------- rule order (FIRST hit policy)

  @Test
  void order_relatedMasterWithWorkYears_isReportedAsRule4NotRule3() {
    assertEligible(evaluate("MASTER", true, 3, false), "RULE_4_RELATED_ADVANCED_DEGREE", "第4条");
  }

  @Test
  void order_bachelorInstitutionStaffWithWorkYears_isReportedAsRule5NotRule3() {
    assertEligible(evaluate("BACHELOR", false, 3, true), "RULE_5_INSTITUTION_STAFF", "第5条");
  }

  @Test
  void order_secondaryVocationalWithTenYears_isReportedAsRule1NotRule6() {
    assertEligible(evaluate("SECONDARY_VOCATIONAL", false, 10, false), "RULE_1_SECONDARY_5Y", "第1条");
  }

  @Test
  void rule2_juniorCollegeIsNotDowngradedToRule1_whenWorkYearsBelowTwo() {
    // a junior college graduate does not qualify via the 5-year secondary rule either
    assertIneligible(evaluate("JUNIOR_COLLEGE", true, 1, false), "大专学历须从事相关工作满2年");
  }

  // ---------------------------------------------------------------- ineligible: just below each threshold

  @Test
  void rule1Boundary_secondaryVocationalWithFourYears_isIneligible() {
    assertIneligible(evaluate("SECONDARY_VOCATIONAL", true, 4, false), "中专及同等学历须从事相关工作满5年");
  }

  @Test
  void rule2Boundary_juniorCollegeWithOneYear_isIneligible() {
    assertIneligible(evaluate("JUNIOR_COLLEGE", false, 1, false), "大专学历须从事相关工作满2年");
  }

  @Test
  void rule3Boundary_bachelorRelatedMajorWithZeroYears_isIneligible() {
    // a plain bachelor's degree does not qualify under rule 4, even in a related major
    assertIneligible(evaluate("BACHELOR", true, 0, false), "本科学历须从事相关工作满1年");
  }

  @Test
  void rule4Boundary_masterUnrelatedMajorWithZeroYears_isIneligible() {
    assertIneligible(evaluate("MASTER", false, 0, false), "双学士、硕士或以上学位须为相关专业，或从事相关工作满1年");
  }

  @Test
  void rule5Boundary_highSchoolNotInstitutionStaffWithZeroYears_isIneligible() {
    assertIneligible(evaluate("HIGH_SCHOOL_OR_BELOW", true, 0, false), "高中及以下学历须从事相关工作满8年");
  }

  @Test
  void rule6Boundary_highSchoolWithSevenYears_isIneligible() {
    assertIneligible(evaluate("HIGH_SCHOOL_OR_BELOW", false, 7, false), "高中及以下学历须从事相关工作满8年");
  }

  // ---------------------------------------------------------------- no rule matches

  @Test
  void noMatch_highSchoolUnrelatedThreeYearsNotStaff_isIneligibleWithHighSchoolShortfall() {
    assertIneligible(evaluate("HIGH_SCHOOL_OR_BELOW", false, 3, false), "高中及以下学历须从事相关工作满8年");
  }

  @Test
  void noMatch_unknownEducationLevel_fallsThroughToCatchAll() {
    assertIneligible(evaluate("PRIMARY_SCHOOL", false, 3, false), "不满足任何一项报考条件");
  }

  @Test
  void noMatch_missingInputs_fallsThroughToCatchAllWithoutError() {
    VariableMap variables = Variables.createVariables()
        .putValue("educationLevel", null)
        .putValue("relatedMajor", null)
        .putValue("relatedWorkYears", null)
        .putValue("institutionStaff", null);
    assertIneligible(evaluate(variables), "不满足任何一项报考条件");
  }

  // ---------------------------------------------------------------- model structure

  @Test
  void decision_hasExpectedIdNameHitPolicyAndRuleDescriptions() throws Exception {
    assertThat(decision.getKey()).isEqualTo("Eligibility");
    assertThat(decision.getName()).isEqualTo("报考资格判定");
    assertThat(decision.isDecisionTable()).isTrue();

    DmnModelInstance model;
    try (InputStream dmn = resource()) {
      model = Dmn.readModelFromStream(dmn);
    }
    assertThat(model.getDefinitions().getId()).isEqualTo("Definitions_Eligibility");

    Decision modelDecision = model.getModelElementById("Eligibility");
    assertThat(modelDecision.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");

    DecisionTable table = model.getModelElementById("DecisionTable_Eligibility");
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);

    Collection<Rule> rules = table.getRules();
    assertThat(rules).hasSize(12);
    assertThat(rules).allSatisfy(rule -> {
      assertThat(rule.getId()).startsWith("Rule_");
      assertThat(rule.getDescription()).as("description of %s", rule.getId()).isNotNull();
      assertThat(rule.getDescription().getTextContent()).as("description of %s", rule.getId()).isNotBlank();
    });
    assertThat(rules).extracting(Rule::getId).containsExactly(
        "Rule_4_RelatedAdvancedDegree",
        "Rule_5_InstitutionStaff",
        "Rule_3_Bachelor1Year",
        "Rule_2_JuniorCollege2Years",
        "Rule_1_SecondaryVocational5Years",
        "Rule_6_Work8Years",
        "Rule_Shortfall_HighSchoolOrBelow",
        "Rule_Shortfall_SecondaryVocational",
        "Rule_Shortfall_JuniorCollege",
        "Rule_Shortfall_Bachelor",
        "Rule_Shortfall_AdvancedDegree",
        "Rule_NoMatch");
  }

  // ---------------------------------------------------------------- helpers

  private static InputStream resource() {
    InputStream dmn = EligibilityDecisionTests.class.getClassLoader().getResourceAsStream(DMN_RESOURCE);
    assertThat(dmn).as("classpath resource %s", DMN_RESOURCE).isNotNull();
    return dmn;
  }

  private static Map<String, Object> evaluate(String educationLevel, boolean relatedMajor,
      int relatedWorkYears, boolean institutionStaff) {
    return evaluate(Variables.createVariables()
        .putValue("educationLevel", educationLevel)
        .putValue("relatedMajor", relatedMajor)
        .putValue("relatedWorkYears", relatedWorkYears)
        .putValue("institutionStaff", institutionStaff));
  }

  private static Map<String, Object> evaluate(VariableMap variables) {
    DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, variables);
    // hit policy FIRST with a catch-all row: exactly one row must always match
    assertThat(result.getResultList()).hasSize(1);
    DmnDecisionRuleResult entries = result.getSingleResult();
    assertThat(entries.keySet()).containsExactlyInAnyOrder("eligible", "rule", "reason");
    return entries;
  }

  private static void assertEligible(Map<String, Object> output, String expectedRule, String expectedClause) {
    assertThat(output.get("eligible")).isEqualTo(Boolean.TRUE);
    assertThat(output.get("rule")).isEqualTo(expectedRule);
    assertThat((String) output.get("reason")).startsWith("符合" + expectedClause + "：");
  }

  private static void assertIneligible(Map<String, Object> output, String expectedReason) {
    assertThat(output.get("eligible")).isEqualTo(Boolean.FALSE);
    assertThat(output.get("rule")).isEqualTo("NONE");
    assertThat(output.get("reason")).isEqualTo(expectedReason);
  }
}
