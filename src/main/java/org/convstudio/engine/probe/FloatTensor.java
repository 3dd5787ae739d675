package org.convstudio.engine.probe;

import java.util.Arrays;

/**
 * A copy of a tensor in plain Java memory: its name (node or parameter), its shape and its values in
 * row-major order. Immutable by convention: never write into {@link #values()}.
 */
public record FloatTensor(String name, int[] shape, float[] values) {

    public FloatTensor {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + values.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    /** True for (N, C, H, W) feature maps. */
    public boolean spatial() {
        return shape.length == 4;
    }

    /** Channels (axis 1) of an (N, C, ...) tensor. */
    public int channels() {
        return shape[1];
    }

    public int height() {
        return spatial() ? shape[2] : 1;
    }

    public int width() {
        return spatial() ? shape[3] : 1;
    }

    /** The values of sample {@code n} (everything after the batch axis), copied. */
    public float[] sample(int n) {
        int len = values.length / shape[0];
        return Arrays.copyOfRange(values, n * len, (n + 1) * len);
    }

    /** The H×W plane of channel {@code c} of sample {@code n} of a spatial tensor, copied. */
    public float[] plane(int n, int c) {
        int hw = height() * width();
        int off = (n * channels() + c) * hw;
        return Arrays.copyOfRange(values, off, off + hw);
    }
}
