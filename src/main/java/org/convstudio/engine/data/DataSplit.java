package org.convstudio.engine.data;

import java.util.List;
import java.util.Objects;

/**
 * A loaded data set: the images to train on, the images to test (or validate) on, and warnings worth
 * showing to the user (skipped files, ...). Both sets have the same image shape and class names.
 */
public record DataSplit(ImageSet train, ImageSet test, List<String> warnings) {

    public DataSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        warnings = List.copyOf(warnings);
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()) {
            throw new IllegalArgumentException("train images are " + ImageShape.of(train)
                    + " but test images are " + ImageShape.of(test));
        }
    }

    /** The shape of one image. */
    public ImageShape shape() {
        return ImageShape.of(train);
    }

    /** The class names (by label). */
    public List<String> classNames() {
        return train.classNames();
    }

    /** Number of images in both splits. */
    public long size() {
        return (long) train.size() + test.size();
    }

    /**
     * The first images of each split, at most {@code max} in all, shared between the splits in their
     * proportion (at least one each); the same split when it holds no more than {@code max}.
     */
    public DataSplit firstImages(long max) {
        if (max >= size()) {
            return this;
        }
        int testN = (int) Math.max(1, Math.min(test.size(), Math.round(max * (double) test.size() / size())));
        int trainN = (int) Math.max(1, Math.min(train.size(), max - testN));
        return new DataSplit(first(train, trainN), first(test, testN), warnings);
    }

    private static ImageSet first(ImageSet set, int n) {
        return n >= set.size() ? set : set.subset(set.name(), java.util.stream.IntStream.range(0, n).toArray());
    }

    /** The same split with more warnings appended. */
    public DataSplit withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        var all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new DataSplit(train, test, all);
    }
}
