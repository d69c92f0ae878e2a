package dev.graft.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Repeated measurements of one figure, in milliseconds (or another unit the figure names).
 *
 * @param values the measured values, in the order taken
 */
public record Samples(List<Double> values) {

    public Samples {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        values = List.copyOf(values);
    }

    /** A way to take one sample. */
    @FunctionalInterface
    public interface Measurement {
        /** @return the measured value */
        double take() throws Exception;
    }

    /**
     * Takes samples after a warm-up whose values are dropped.
     *
     * @param warmup how many runs to drop
     * @param runs how many runs to keep
     * @param measurement one run
     * @return the kept values
     */
    public static Samples take(int warmup, int runs, Measurement measurement) throws Exception {
        for (int i = 0; i < warmup; i++) {
            measurement.take();
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            values.add(measurement.take());
        }
        return new Samples(values);
    }

    /**
     * Times a piece of work.
     *
     * @param work the work
     * @return its duration in milliseconds
     */
    public static double millis(Work work) throws Exception {
        long begin = System.nanoTime();
        work.run();
        return (System.nanoTime() - begin) / 1e6;
    }

    /** Work that may throw. */
    @FunctionalInterface
    public interface Work {
        /** Does the work. */
        void run() throws Exception;
    }

    /** @return the median (the mean of the two middle values for an even count) */
    public double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** @return the smallest value */
    public double min() {
        return Collections.min(values);
    }

    /** @return the largest value */
    public double max() {
        return Collections.max(values);
    }

    /** @return the number of values */
    public int count() {
        return values.size();
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "median %.2f, min %.2f, max %.2f, n %d", median(), min(), max(), count());
    }
}
