package org.convstudio.model;

import java.util.List;

/**
 * The shape of one sample flowing out of a node: either a stack of feature maps (channels × height ×
 * width) or a flat vector of {@code channels} values.
 */
public record Shape(int channels, int height, int width, boolean spatial) {

    public Shape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("shape sizes must be positive: " + channels + "×" + height + "×" + width);
        }
        if (!spatial && (height != 1 || width != 1)) {
            throw new IllegalArgumentException("a vector shape has height and width 1");
        }
    }

    /** A stack of {@code c} feature maps of {@code h × w}. */
    public static Shape image(int c, int h, int w) {
        return new Shape(c, h, w, true);
    }

    /** A flat vector of {@code n} values. */
    public static Shape vector(int n) {
        return new Shape(n, 1, 1, false);
    }

    /** Number of values in one sample. */
    public long elements() {
        return Math.multiplyExact(Math.multiplyExact((long) channels, (long) height), (long) width);
    }

    /** [C, H, W] for feature maps, [N] for vectors. */
    public List<Integer> dims() {
        return spatial ? List.of(channels, height, width) : List.of(channels);
    }

    @Override
    public String toString() {
        return spatial ? channels + "×" + height + "×" + width : Integer.toString(channels);
    }
}
