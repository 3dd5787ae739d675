package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/**
 * The hyperparameters of one block of a network. Layers are immutable records that validate their own
 * hyperparameters (an {@link IllegalArgumentException} with a plain-words message) and know how shapes,
 * parameters and multiply-accumulates follow from their input shapes.
 */
public sealed interface Layer permits Input, Conv2d, Pool2d, Subsampling, GlobalAvgPool, Activation,
        BatchNorm, LocalResponseNorm, Dropout, Flatten, Dense, Softmax, Add, Concat {

    LayerType type();

    /**
     * The shape this layer produces from these input shapes (as many as the layer type takes).
     *
     * @throws ShapeMismatch with a student-level message (without the node name) when they do not fit
     */
    Shape outputShape(List<Shape> inputs);

    /** Parameters learnt by gradient descent. */
    default long trainableParams(List<Shape> inputs) {
        return 0;
    }

    /** Stored values that are not learnt by gradient descent (batch-norm running statistics). */
    default long nonTrainableParams(List<Shape> inputs) {
        return 0;
    }

    /** Multiply-accumulates for one sample (conv, dense and trainable subsampling count; see README). */
    default long macs(List<Shape> inputs, Shape output) {
        return 0;
    }

    /** The sliding window of convolutions and poolings; null for layers that work value by value or globally. */
    default Window window() {
        return null;
    }

    /** True when each output value depends on the whole input (dense, flatten, global pooling). */
    default boolean global() {
        return false;
    }

    /** The key hyperparameters in a few characters, for block cards and tables ("6@5×5 s1 p2"). */
    String summary();

    /** The single input shape of a one-input layer. */
    static Shape single(List<Shape> inputs) {
        return inputs.get(0);
    }

    /** Fails with the standard message when a layer that needs feature maps receives a vector. */
    static Shape requireSpatial(Shape in, String what) {
        if (!in.spatial()) {
            throw new ShapeMismatch("a " + what + " needs feature maps (channels × height × width) but receives a flat vector of "
                    + in.channels() + " values — move it before the Flatten or Dense block");
        }
        return in;
    }

    /** Checks that a window fits its input, naming what to change when it does not. */
    static Shape slide(Shape in, Window w, int outChannels, String what) {
        int oh = w.outputHeight(in.height());
        int ow = w.outputWidth(in.width());
        if (oh <= 0 || ow <= 0) {
            String kernel = w.effectiveKernelH() + "×" + w.effectiveKernelW();
            String input = in.height() + "×" + in.width();
            String pad = (w.padTop() > 0 || w.padLeft() > 0) ? " even with its padding" : "";
            throw new ShapeMismatch("its " + kernel + " " + what + " window is larger than its " + input
                    + " input" + pad + " — add padding, use a smaller kernel, or remove a pooling layer before it");
        }
        return Shape.image(outChannels, oh, ow);
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
