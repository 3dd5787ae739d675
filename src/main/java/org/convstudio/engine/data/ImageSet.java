package org.convstudio.engine.data;

import java.util.List;
import java.util.Objects;

/**
 * An in-memory labelled image set: pixels as floats in NCHW order (image after image, channel after
 * channel, row after row), one int label per image, class names by label index.
 *
 * <p>Arrays are shared, not copied: treat an ImageSet as immutable and never write into its arrays.
 */
public record ImageSet(String name, int channels, int height, int width,
                       float[] pixels, int[] labels, List<String> classNames) {

    public ImageSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        classNames = List.copyOf(classNames);
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + channels + "x" + height + "x" + width);
        }
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " values, expected "
                    + labels.length + " images of " + channels + "x" + height + "x" + width);
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Number of floats in one image. */
    public int imageLength() {
        return channels * height * width;
    }

    /** Number of classes (the length of {@link #classNames()}). */
    public int classCount() {
        return classNames.size();
    }

    /** A copy of image {@code i}'s pixels. */
    public float[] image(int i) {
        float[] out = new float[imageLength()];
        System.arraycopy(pixels, i * imageLength(), out, 0, out.length);
        return out;
    }

    /** The images at the given indices, in that order (copies the pixels). */
    public ImageSet subset(String subsetName, int[] indices) {
        int len = imageLength();
        float[] px = new float[indices.length * len];
        int[] lb = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * len, px, k * len, len);
            lb[k] = labels[indices[k]];
        }
        return new ImageSet(subsetName, channels, height, width, px, lb, classNames);
    }
}
