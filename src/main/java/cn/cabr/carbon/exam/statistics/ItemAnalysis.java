package cn.cabr.carbon.exam.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Item analysis (classical test theory) of one exam session: difficulty, discrimination, option distribution. */
public final class ItemAnalysis {

    public static final String NEGATIVE_DISCRIMINATION = "区分度为负：高分考生答对率反而更低，请复核答案或题干";
    public static final String TOO_EASY = "过易";
    public static final String TOO_HARD = "过难";
    public static final double TOO_EASY_ABOVE = 0.95;
    public static final double TOO_HARD_BELOW = 0.05;

    private static final Pattern OPTION_LABEL = Pattern.compile("[A-Z]|TRUE|FALSE");
    /** Letters in alphabetical order; for true/false items TRUE before FALSE. */
    private static final Comparator<String> LABEL_ORDER = Comparator
            .comparingInt((String label) -> switch (label) {
                case "TRUE" -> 1;
                case "FALSE" -> 2;
                default -> 0;
            })
            .thenComparing(Comparator.naturalOrder());
    /** Scores are points (0..100); differences below this are floating-point noise. */
    private static final double EPSILON = 1e-9;

    private ItemAnalysis() {
    }

    /**
     * One row per item code, sorted by item code. A sitting's total is the sum of all its observations.
     *
     * @throws IllegalArgumentException on a NaN, negative or above-maximum score, an invalid maximum, maxima that
     *                                  differ within one item, or two observations of one item in one sitting
     */
    public static List<ItemStatistics> analyse(Collection<ItemObservation> observations) {
        Objects.requireNonNull(observations, "observations");
        Map<String, List<ItemObservation>> byItem = new TreeMap<>();
        Map<String, Set<Long>> sittingsByItem = new HashMap<>();
        Map<Long, Double> totals = new HashMap<>();
        for (ItemObservation o : observations) {
            validate(o);
            List<ItemObservation> item = byItem.computeIfAbsent(o.itemCode(), k -> new ArrayList<>());
            if (!item.isEmpty() && item.get(0).maxPoints() != o.maxPoints()) {
                throw invalid(o, "maxPoints " + o.maxPoints() + " differs from " + item.get(0).maxPoints());
            }
            if (!sittingsByItem.computeIfAbsent(o.itemCode(), k -> new HashSet<>()).add(o.sittingId())) {
                throw invalid(o, "duplicate observation");
            }
            item.add(o);
            totals.merge(o.sittingId(), o.score(), Double::sum);
        }
        return byItem.values().stream().map(item -> statistics(item, totals)).toList();
    }

    private static void validate(ItemObservation o) {
        if (!Double.isFinite(o.maxPoints()) || o.maxPoints() <= 0) {
            throw invalid(o, "maxPoints must be positive, was " + o.maxPoints());
        }
        if (Double.isNaN(o.score()) || o.score() < 0 || o.score() > o.maxPoints()) {
            throw invalid(o, "score must be within 0.." + o.maxPoints() + ", was " + o.score());
        }
    }

    private static IllegalArgumentException invalid(ItemObservation o, String problem) {
        return new IllegalArgumentException(
                "Item " + o.itemCode() + ", sitting " + o.sittingId() + ": " + problem);
    }

    private static ItemStatistics statistics(List<ItemObservation> item, Map<Long, Double> totals) {
        int n = item.size();
        double max = item.get(0).maxPoints();
        double[] scores = new double[n];
        // Corrected item-total correlation: the item's own score is part of the total and would inflate the
        // correlation (strongly so with few items), so each score is correlated with the rest of the total.
        double[] rest = new double[n];
        double sum = 0;
        int omitted = 0;
        for (int i = 0; i < n; i++) {
            ItemObservation o = item.get(i);
            scores[i] = o.score();
            rest[i] = totals.get(o.sittingId()) - o.score();
            sum += o.score();
            omitted += o.unanswered() ? 1 : 0;
        }
        double difficulty = sum / (n * max);
        Double discrimination = correlation(scores, rest);
        String reason = flagReason(difficulty, discrimination);
        String label = item.stream().map(ItemObservation::itemLabel).filter(Objects::nonNull)
                .findFirst().orElse(item.get(0).itemCode());
        return new ItemStatistics(item.get(0).itemCode(), label, n, omitted, max, sum / n, difficulty,
                discrimination, optionCounts(item), reason != null, reason);
    }

    /**
     * The observation carries no item type, so an item counts as a choice item when every given answer consists of
     * option labels ("B", "A,C", "TRUE"); free-text short answers are not, and get an empty map.
     */
    private static Map<String, Integer> optionCounts(List<ItemObservation> item) {
        Map<String, Integer> counts = new TreeMap<>(LABEL_ORDER);
        for (ItemObservation o : item) {
            if (o.unanswered()) {
                continue;
            }
            Set<String> labels = optionLabels(o.chosen());
            if (labels == null) {
                return Map.of();
            }
            labels.forEach(label -> counts.merge(label, 1, Integer::sum));
        }
        return counts;
    }

    /** The distinct labels of an answer, or null if it is not made of option labels. */
    private static Set<String> optionLabels(String chosen) {
        Set<String> labels = new LinkedHashSet<>();
        for (String token : chosen.split(",")) {
            String label = token.strip();
            if (!OPTION_LABEL.matcher(label).matches()) {
                return null;
            }
            labels.add(label);
        }
        return labels;
    }

    /** Pearson correlation, null when fewer than 2 pairs or either variable is constant. */
    static Double correlation(double[] x, double[] y) {
        if (x.length < 2 || constant(x) || constant(y)) {
            return null;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        double r = sxy / Math.sqrt(sxx * syy);
        if (Math.abs(r) < EPSILON) {
            return 0.0; // rounding noise of a zero covariance must not raise the negative-discrimination flag
        }
        return Math.max(-1.0, Math.min(1.0, r));
    }

    private static boolean constant(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return max - min < EPSILON;
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        return sum / v.length;
    }

    private static String flagReason(double difficulty, Double discrimination) {
        List<String> reasons = new ArrayList<>();
        if (discrimination != null && discrimination < 0) {
            reasons.add(NEGATIVE_DISCRIMINATION);
        }
        if (difficulty > TOO_EASY_ABOVE) {
            reasons.add(TOO_EASY);
        } else if (difficulty < TOO_HARD_BELOW) {
            reasons.add(TOO_HARD);
        }
        return reasons.isEmpty() ? null : String.join("；", reasons);
    }
}
