package cn.cabr.carbon.exam.statistics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Classical test theory figures of one item over one exam session.
 *
 * @param responses      number of sittings that had the item (omitted answers included, they score 0)
 * @param omitted        how many of those left it unanswered
 * @param meanScore      mean points over all {@code responses}
 * @param difficulty     p = meanScore / maxPoints (proportion correct for dichotomous items)
 * @param discrimination corrected item-total (item-rest) correlation; null when undefined
 * @param optionCounts   candidates per option label in label order; empty for short answers
 * @param flagReason     why the item is flagged (reasons joined with "；"), null when not flagged
 */
public record ItemStatistics(String itemCode, String itemLabel, int responses, int omitted, double maxPoints,
        double meanScore, double difficulty, Double discrimination, Map<String, Integer> optionCounts,
        boolean flagged, String flagReason) {

    public ItemStatistics {
        Objects.requireNonNull(itemCode, "itemCode");
        optionCounts = optionCounts == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(optionCounts));
    }

    /** The option distribution as text, e.g. "A:12 B:30 C:5 D:3"; empty for short answers. */
    public String optionDistribution() {
        return optionCounts.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
