package cn.cabr.carbon.application;

/**
 * The clause of the notice's section 六、报考条件 that a candidate claims to meet, in the notice's own words. The
 * codes are the ones the eligibility decision (Eligibility.dmn) answers with, so claim and decision can be compared.
 */
public enum EligibilityClause {
    RULE_1_SECONDARY_5Y("第 1 条", "具有中专及同等学历，从事能源、节能减排、环境管理、建筑工程等相关工作满 5 年及以上。"),
    RULE_2_COLLEGE_2Y("第 2 条", "具有环境工程与科学、能源等相关专业大专学历，或取得非相关专业大专学历，连续从事能源、节能减排、"
            + "环境管理、建筑工程等相关领域工作满 2 年及以上。"),
    RULE_3_BACHELOR_1Y("第 3 条", "具有环境工程与科学专业、能源等相关专业本科及以上学历，或取得非相关专业本科及以上学历，从事能源、"
            + "节能减排、环境管理、建筑工程等相关领域工作满 1 年及以上。"),
    RULE_4_RELATED_ADVANCED_DEGREE("第 4 条", "具有环境工程与科学专业、能源等相关专业双学士学位、硕士学位或以上学位。"),
    RULE_5_INSTITUTION_STAFF("第 5 条", "能源、环境、循环经济教科研单位的相关领域技术、工程人员、节能及环境交易所相关人员等。"),
    RULE_6_WORK_8Y("第 6 条", "从事能源、节能减排、环境管理、建筑工程等相关行业工作满 8 年。");

    private final String number;
    private final String wording;

    EligibilityClause(String number, String wording) {
        this.number = number;
        this.wording = wording;
    }

    public String number() {
        return number;
    }

    /** The notice's wording, shown to the candidate who chooses and to the reviewer who checks the documents. */
    public String wording() {
        return wording;
    }

    public String label() {
        return number + "：" + wording;
    }
}
