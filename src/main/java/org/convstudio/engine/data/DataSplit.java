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
