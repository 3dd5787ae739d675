package org.convstudio.ui.training;

import java.util.ArrayList;
import java.util.List;

import org.convstudio.engine.data.ImageSet;

/**
 * A few validation images kept as loaded (before normalisation) for the strip of predictions:
 * {@code indices[k]} is the image's position in the validation set, {@code pixels} holds the images
 * one after the other (CHW), {@code labels[k]} its true class.
 */
public record Samples(int[] indices, int channels, int height, int width, float[] pixels, int[] labels) {

    public static final Samples NONE = new Samples(new int[0], 1, 1, 1, new float[0], new int[0]);

    public int size() {
        return indices.length;
    }

    /**
     * Up to {@code count} images of {@code set}, taking the classes in turn (the first image of each
     * class, then the second, ...) so the strip shows every class.
     */
    public static Samples pick(ImageSet set, int count) {
        int classes = Math.max(1, set.classCount());
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        int perClass = (count + classes - 1) / classes;
        for (int i = 0; i < set.size(); i++) {
            int label = set.labels()[i];
            if (label >= 0 && label < classes && byClass.get(label).size() < perClass) {
                byClass.get(label).add(i);
            }
        }
        List<Integer> chosen = new ArrayList<>();
        for (int round = 0; round < perClass && chosen.size() < count; round++) {
            for (int c = 0; c < classes && chosen.size() < count; c++) {
                if (round < byClass.get(c).size()) {
                    chosen.add(byClass.get(c).get(round));
                }
            }
        }
        int[] idx = chosen.stream().mapToInt(Integer::intValue).toArray();
        int len = set.imageLength();
        float[] px = new float[idx.length * len];
        int[] labels = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            System.arraycopy(set.pixels(), idx[k] * len, px, k * len, len);
            labels[k] = set.labels()[idx[k]];
        }
        return new Samples(idx, set.channels(), set.height(), set.width(), px, labels);
    }

    /** The predictions of these samples, taken from the predictions of the whole validation set. */
    public int[] select(int[] predicted) {
        int[] out = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = indices[k] < predicted.length ? predicted[indices[k]] : -1;
        }
        return out;
    }
}
