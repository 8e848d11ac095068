package cn.cabr.carbon.exam.statistics;

import java.util.Objects;

/**
 * One candidate's result on one item, the input of {@link ItemAnalysis}.
 *
 * @param itemCode  identifies the item version, e.g. "SC-T1-01 v1"
 * @param itemLabel short description for display (type + start of the stem)
 * @param sittingId the candidate's sitting
 * @param score     points awarded, 0..maxPoints (0 when unanswered)
 * @param maxPoints full points of the item on this paper
 * @param chosen    the answer in canonical option labels ("B", "A,C", "TRUE"), null or blank if unanswered;
 *                  for short answers any text (only null/blank is looked at)
 */
public record ItemObservation(String itemCode, String itemLabel, long sittingId, double score, double maxPoints,
        String chosen) {

    public ItemObservation {
        Objects.requireNonNull(itemCode, "itemCode");
    }

    public boolean unanswered() {
        return chosen == null || chosen.isBlank();
    }
}
