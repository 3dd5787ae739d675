package org.convstudio.model.export;

import java.util.Arrays;
import java.util.List;

/**
 * One entry of the exported module's {@code state_dict}.
 *
 * @param key      the state_dict key ("layer1.0.bn1.running_mean")
 * @param nodeId   the design block it belongs to
 * @param djlName  the name of the matching parameter of ConvStudio's DJL block ("gamma", "weight"...), or null
 *                 for entries ConvStudio does not keep (batch norm's {@code num_batches_tracked})
 * @param shape    the tensor's shape
 * @param integer  true for an int64 counter, false for float32 values
 * @param trainable true for a learnt parameter, false for a stored statistic or a parameter of a frozen block
 */
public record TorchTensor(String key, String nodeId, String djlName, long[] shape, boolean integer, boolean trainable) {

    public TorchTensor {
        shape = shape.clone();
    }

    /** Number of values. */
    public long elements() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** True for the tensors ConvStudio stores (everything but batch norm's batch counter). */
    public boolean kept() {
        return djlName != null;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The shape as PyTorch prints it: [6, 1, 5, 5]. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    /** Whether {@code other} has the same dimensions. */
    public boolean sameShape(long[] other) {
        return Arrays.equals(shape, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TorchTensor t && key.equals(t.key) && nodeId.equals(t.nodeId)
                && java.util.Objects.equals(djlName, t.djlName) && Arrays.equals(shape, t.shape)
                && integer == t.integer && trainable == t.trainable;
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key + " " + shapeText();
    }

    static List<Long> list(long[] s) {
        return Arrays.stream(s).boxed().toList();
    }
}
