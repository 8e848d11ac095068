package cn.cabr.carbon.process;

import java.util.List;

import cn.cabr.carbon.operations.CaseStage;

/** Lets tests outside the package read the dashboard's stage grouping. */
public final class CaseStagesAccess {

    public static List<String> activities(String stage) {
        return CaseStages.ACTIVITIES.getOrDefault(CaseStage.valueOf(stage), List.of());
    }

    private CaseStagesAccess() {
    }
}
