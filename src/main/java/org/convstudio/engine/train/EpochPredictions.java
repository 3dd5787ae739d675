package org.convstudio.engine.train;

import java.util.List;

/**
 * The validation predictions of one finished epoch, image by image in validation-set order: the true class,
 * the predicted class (arg-max of the logits) and the {@code top} most probable classes with their softmax
 * probabilities. Kept in the run folder as {@value PredictionsFile#FILE} so a reopened run shows its
 * confusion matrix and mistakes. Arrays are shared, not copied: treat an instance as immutable.
 *
 * @param epoch            the epoch (1-based) whose validation these are
 * @param classes          number of classes the network outputs
 * @param top              entries per image in {@code topClasses} / {@code topProbabilities} (min(3, classes))
 * @param classNames       class names by label index (may be empty)
 * @param labels           true class of each validation image
 * @param predicted        predicted class of each validation image
 * @param topClasses       {@code top} classes per image, most probable first (row-major, images × top)
 * @param topProbabilities their probabilities (row-major, images × top)
 */
public record EpochPredictions(int epoch, int classes, int top, List<String> classNames, int[] labels,
                               int[] predicted, int[] topClasses, float[] topProbabilities) {

    /** How many most probable classes are kept per image. */
    public static final int TOP = 3;

    public EpochPredictions {
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        if (labels.length != predicted.length || topClasses.length != (long) labels.length * top
                || topProbabilities.length != topClasses.length) {
            throw new IllegalArgumentException(labels.length + " labels, " + predicted.length + " predictions, "
                    + topClasses.length + " top classes and " + topProbabilities.length
                    + " probabilities do not belong together (top " + top + ")");
        }
    }

    /** Number of validation images. */
    public int size() {
        return labels.length;
    }

    /** Fraction of images whose predicted class is the true one (NaN without images). */
    public double accuracy() {
        if (labels.length == 0) {
            return Double.NaN;
        }
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == predicted[i]) {
                right++;
            }
        }
        return right / (double) labels.length;
    }

    /**
     * Builds the record from row-major softmax probabilities ({@code images × classes}): keeps the
     * {@code min(TOP, classes)} most probable classes of each image (lower class first on ties).
     */
    public static EpochPredictions of(int epoch, List<String> classNames, int[] labels, int[] predicted,
                                      float[] probabilities, int classes) {
        int n = labels.length;
        int k = Math.min(TOP, classes);
        int[] tc = new int[n * k];
        float[] tp = new float[n * k];
        for (int i = 0; i < n; i++) {
            int base = i * classes;
            for (int r = 0; r < k; r++) {
                int best = -1;
                for (int c = 0; c < classes; c++) {
                    if (taken(tc, i * k, r, c)) {
                        continue;
                    }
                    if (best < 0 || probabilities[base + c] > probabilities[base + best]) {
                        best = c;
                    }
                }
                tc[i * k + r] = best;
                tp[i * k + r] = probabilities[base + best];
            }
        }
        return new EpochPredictions(epoch, classes, k, classNames, labels, predicted, tc, tp);
    }

    private static boolean taken(int[] tc, int from, int count, int c) {
        for (int j = 0; j < count; j++) {
            if (tc[from + j] == c) {
                return true;
            }
        }
        return false;
    }
}
