package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/** Zeroes a random fraction {@code rate} of the values during training; does nothing at inference. */
public record Dropout(double rate) implements Layer {

    public Dropout {
        Layer.require(Double.isFinite(rate) && rate >= 0 && rate < 1, "the dropout rate must be at least 0 and below 1 (0.5 drops half)");
    }

    @Override
    public LayerType type() {
        return LayerType.DROPOUT;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Layer.single(inputs);
    }

    @Override
    public String summary() {
        return "p=" + rate;
    }
}
