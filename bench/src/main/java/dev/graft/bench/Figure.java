package dev.graft.bench;

/**
 * One measured figure of the report.
 *
 * @param id a stable key, used to compare with the previous report ({@code compile.steady.graft.10})
 * @param scenario the scenario heading it belongs to
 * @param label what was measured, in words
 * @param unit the unit of the samples ({@code ms}, {@code KiB}, {@code %})
 * @param samples the samples
 * @param reference the id of the figure it is compared with, or null
 * @param target the target in words, or empty
 * @param maxRatio the largest ratio to the reference that meets the target, or 0 for none
 * @param minRatio the smallest ratio to the reference that meets the target, or 0 for none
 * @param maxMedian the largest median that meets the target, or 0 for none
 * @param higherIsBetter whether a larger value is the better one (a hit rate)
 */
public record Figure(String id, String scenario, String label, String unit, Samples samples, String reference, String target,
    double maxRatio, double minRatio, double maxMedian, boolean higherIsBetter) {

    /** A figure without reference or target. */
    public static Figure of(String id, String scenario, String label, String unit, Samples samples) {
        return new Figure(id, scenario, label, unit, samples, null, "", 0, 0, 0, false);
    }

    /** @return this figure compared with another one */
    public Figure against(String referenceId) {
        return new Figure(id, scenario, label, unit, samples, referenceId, target, maxRatio, minRatio, maxMedian, higherIsBetter);
    }

    /** @return this figure with a target on its ratio to the reference */
    public Figure targetRatio(String words, double ratio) {
        return new Figure(id, scenario, label, unit, samples, reference, words, ratio, minRatio, maxMedian, higherIsBetter);
    }

    /** @return this figure with a target of a ratio to the reference at least this large */
    public Figure targetRatioAtLeast(String words, double ratio) {
        return new Figure(id, scenario, label, unit, samples, reference, words, maxRatio, ratio, maxMedian, higherIsBetter);
    }

    /** @return this figure with a target on its median */
    public Figure targetMedian(String words, double median) {
        return new Figure(id, scenario, label, unit, samples, reference, words, maxRatio, minRatio, median, higherIsBetter);
    }

    /** @return this figure with a target in words only, judged in the text */
    public Figure targetInWords(String words) {
        return new Figure(id, scenario, label, unit, samples, reference, words, maxRatio, minRatio, maxMedian, higherIsBetter);
    }

    /** @return this figure, where more is better */
    public Figure moreIsBetter() {
        return new Figure(id, scenario, label, unit, samples, reference, target, maxRatio, minRatio, maxMedian, true);
    }
}
