package org.convstudio.analysis.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The curves of a lesson's short training runs, as they come in: immutable, every event gives a new
 * value (so a worker can publish it whole and the screen shows the newest). Each arm is one run; arms of
 * the same {@code group} share a chart, side by side with the other groups' charts.
 *
 * @param epochs  the epochs each run is going to (the x axis)
 * @param status  one sentence for the class ("Training LeNet on shuffled pixels, epoch 2 of 5")
 * @param running true while runs are going on
 */
public record TrainingCurves(List<Arm> arms, int epochs, String status, boolean running) {

    /**
     * One run.
     *
     * @param train      (epoch, training accuracy) after each finished epoch
     * @param validation (epoch, validation accuracy) after each finished epoch
     * @param live       (fractional epoch, running training accuracy) of the epoch under way, or null
     * @param outcome    "" while waiting or running, else how it ended ("finished", "stopped", an error)
     */
    public record Arm(String label, String group, int colour, List<double[]> train, List<double[]> validation,
                      double[] live, String outcome) {
        public Arm {
            train = List.copyOf(train);
            validation = List.copyOf(validation);
        }

        /** The last validation accuracy, or NaN before the first epoch ended. */
        public double lastValidation() {
            return validation.isEmpty() ? Double.NaN : validation.get(validation.size() - 1)[1];
        }

        public double lastTrain() {
            return train.isEmpty() ? Double.NaN : train.get(train.size() - 1)[1];
        }
    }

    public TrainingCurves {
        arms = List.copyOf(arms);
    }

    /** Empty curves for runs labelled {@code labels[i]}, charted in {@code groups[i]}, coloured {@code colours[i]}. */
    public static TrainingCurves planned(List<String> labels, List<String> groups, List<Integer> colours, int epochs) {
        List<Arm> a = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            a.add(new Arm(labels.get(i), groups.get(i), colours.get(i), List.of(), List.of(), null, ""));
        }
        return new TrainingCurves(a, epochs, "", false);
    }

    private TrainingCurves with(int i, Arm arm) {
        List<Arm> a = new ArrayList<>(arms);
        a.set(i, arm);
        return new TrainingCurves(a, epochs, status, running);
    }

    /** Progress within an epoch: {@code epochFraction} counts from 0 (e.g. 2.5 = half-way through epoch 3). */
    public TrainingCurves progress(int i, double epochFraction, double trainAccuracy) {
        Arm a = arms.get(i);
        if (Double.isNaN(trainAccuracy)) {
            return this;
        }
        return with(i, new Arm(a.label(), a.group(), a.colour(), a.train(), a.validation(),
                new double[] {epochFraction, trainAccuracy}, a.outcome()));
    }

    /** Epoch {@code epoch} (1-based) ended with these accuracies. */
    public TrainingCurves epoch(int i, int epoch, double trainAccuracy, double validationAccuracy) {
        Arm a = arms.get(i);
        List<double[]> t = new ArrayList<>(a.train());
        t.add(new double[] {epoch, trainAccuracy});
        List<double[]> v = new ArrayList<>(a.validation());
        if (!Double.isNaN(validationAccuracy)) {
            v.add(new double[] {epoch, validationAccuracy});
        }
        return with(i, new Arm(a.label(), a.group(), a.colour(), t, v, null, a.outcome()));
    }

    public TrainingCurves ended(int i, String outcome) {
        Arm a = arms.get(i);
        return with(i, new Arm(a.label(), a.group(), a.colour(), a.train(), a.validation(), null, outcome));
    }

    public TrainingCurves withStatus(String text, boolean isRunning) {
        return new TrainingCurves(arms, epochs, text, isRunning);
    }

    /** True when at least one epoch of one run ended. */
    public boolean hasResults() {
        return arms.stream().anyMatch(a -> !a.validation().isEmpty());
    }

    /** One chart per group, side by side, on a shared accuracy axis; training dashed, validation solid. */
    public Drawing drawing() {
        double lo = 1;
        for (Arm a : arms) {
            for (double[] p : a.validation()) {
                lo = Math.min(lo, p[1]);
            }
            for (double[] p : a.train()) {
                lo = Math.min(lo, p[1]);
            }
            if (a.live() != null) {
                lo = Math.min(lo, a.live()[1]);
            }
        }
        double yMin = Math.max(0, Math.floor(lo * 5 - 1e-9) / 5);
        if (yMin > 0.8) {
            yMin = 0.8;
        }
        Map<String, List<Drawing.Series>> groups = new LinkedHashMap<>();
        for (Arm a : arms) {
            List<Drawing.Series> s = groups.computeIfAbsent(a.group(), k -> new ArrayList<>());
            List<double[]> train = new ArrayList<>(a.train());
            if (a.live() != null) {
                train.add(a.live());
            }
            s.add(series("", a.colour(), true, train));
            s.add(series(a.label(), a.colour(), false, a.validation()));
        }
        List<Drawing> charts = new ArrayList<>();
        for (Map.Entry<String, List<Drawing.Series>> e : groups.entrySet()) {
            charts.add(new Drawing.Chart(e.getKey(), "epoch", "accuracy", epochs, yMin, 1, e.getValue()));
        }
        return charts.size() == 1 ? charts.get(0) : new Drawing.Row(charts, "");
    }

    private static Drawing.Series series(String label, int colour, boolean dashed, List<double[]> points) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(i)[0];
            ys[i] = points.get(i)[1];
        }
        return new Drawing.Series(label, colour, dashed, xs, ys);
    }

    /** Per run: its last training and validation accuracy (for the numbers line and {@code --json}). */
    public Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        for (Arm a : arms) {
            if (!a.validation().isEmpty()) {
                n.put(a.label() + " val", round(a.lastValidation()));
            }
        }
        return n;
    }

    /** Accuracy as a percentage with one decimal ("91.3 %"), "–" before the first epoch. */
    public static String percent(double accuracy) {
        return Double.isNaN(accuracy) ? "–" : String.format(Locale.ROOT, "%.1f\u00a0%%", 100 * accuracy);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
