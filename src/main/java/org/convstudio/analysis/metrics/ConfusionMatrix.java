package org.convstudio.analysis.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs. Immutable: build one with {@link #of(int[], int[], int)}.
 * Row = true class, column = predicted class.
 */
public final class ConfusionMatrix {

    private final int classes;
    private final long[] counts;
    private final long total;

    private ConfusionMatrix(int classes, long[] counts) {
        this.classes = classes;
        this.counts = counts;
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        this.total = t;
    }

    /** Tallies labels against predictions (same length; values in [0, classes)). */
    public static ConfusionMatrix of(int[] truth, int[] predicted, int classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " labels but " + predicted.length + " predictions");
        }
        long[] counts = new long[classes * classes];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("class out of range at sample " + i + ": " + truth[i] + " → " + predicted[i]);
            }
            counts[truth[i] * classes + predicted[i]]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    public int classes() {
        return classes;
    }

    public long count(int trueClass, int predictedClass) {
        return counts[trueClass * classes + predictedClass];
    }

    public long total() {
        return total;
    }

    public long rowTotal(int trueClass) {
        long s = 0;
        for (int p = 0; p < classes; p++) {
            s += count(trueClass, p);
        }
        return s;
    }

    public long columnTotal(int predictedClass) {
        long s = 0;
        for (int t = 0; t < classes; t++) {
            s += count(t, predictedClass);
        }
        return s;
    }

    public double accuracy() {
        if (total == 0) {
            return 0;
        }
        long right = 0;
        for (int c = 0; c < classes; c++) {
            right += count(c, c);
        }
        return (double) right / total;
    }

    /** Fraction of class {@code c}'s samples recognised as {@code c} (NaN for an absent class). */
    public double recall(int c) {
        long row = rowTotal(c);
        return row == 0 ? Double.NaN : (double) count(c, c) / row;
    }

    /** Fraction of predictions of {@code c} that were right (NaN if never predicted). */
    public double precision(int c) {
        long col = columnTotal(c);
        return col == 0 ? Double.NaN : (double) count(c, c) / col;
    }

    /** A mistake kind: {@code count} samples of {@code trueClass} taken for {@code predictedClass}. */
    public record Confusion(int trueClass, int predictedClass, long count) {
    }

    /** The most frequent mistakes, largest first. */
    public List<Confusion> topConfusions(int limit) {
        List<Confusion> list = new ArrayList<>();
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                if (t != p && count(t, p) > 0) {
                    list.add(new Confusion(t, p, count(t, p)));
                }
            }
        }
        list.sort(Comparator.comparingLong(Confusion::count).reversed()
                .thenComparingInt(Confusion::trueClass).thenComparingInt(Confusion::predictedClass));
        return List.copyOf(list.subList(0, Math.min(limit, list.size())));
    }
}
