package cn.cabr.carbon.eligibility;

import java.util.Map;

/** The inputs of Eligibility.dmn, named as its input expressions read them. */
public record EligibilityFacts(String educationLevel, boolean relatedMajor, int relatedWorkYears,
        boolean institutionStaff) {

    public Map<String, Object> asVariables() {
        return Map.of("educationLevel", educationLevel, "relatedMajor", relatedMajor,
                "relatedWorkYears", relatedWorkYears, "institutionStaff", institutionStaff);
    }
}
