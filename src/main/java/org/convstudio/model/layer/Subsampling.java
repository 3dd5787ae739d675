package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/**
 * LeNet-5's trainable subsampling (S2, S4): each window's values are summed, multiplied by one learnt
 * coefficient per map and shifted by one learnt bias per map — 2 parameters per channel.
 */
public record Subsampling(int kernel, int stride) implements Layer {

    public Subsampling {
        Layer.require(kernel >= 1 && kernel <= 64, "the subsampling window must be between 1×1 and 64×64");
        Layer.require(stride >= 1, "the stride must be at least 1");
    }

    @Override
    public LayerType type() {
        return LayerType.SUBSAMPLING;
    }

    @Override
    public Window window() {
        return new Window(kernel, kernel, stride, stride, 0, 0, 1, 1);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = Layer.requireSpatial(Layer.single(inputs), "subsampling layer");
        return Layer.slide(in, window(), in.channels(), "subsampling");
    }

    @Override
    public long trainableParams(List<Shape> inputs) {
        return 2L * Layer.single(inputs).channels();
    }

    /** One multiply by the coefficient per output value. */
    @Override
    public long macs(List<Shape> inputs, Shape output) {
        return output.elements();
    }

    @Override
    public String summary() {
        return "sum " + kernel + "×" + kernel + (stride != kernel ? " s" + stride : "");
    }
}
