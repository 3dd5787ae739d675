package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/**
 * Batch normalisation per channel: a learnt scale and shift (trainable) and running mean and variance
 * (stored, not trainable).
 */
public record BatchNorm(double epsilon, double momentum) implements Layer {

    public BatchNorm {
        Layer.require(epsilon > 0 && epsilon < 1, "epsilon must be a small positive number such as 0.00001");
        Layer.require(momentum > 0 && momentum < 1, "momentum must be between 0 and 1 (0.1 is usual)");
    }

    @Override
    public LayerType type() {
        return LayerType.BATCH_NORM;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Layer.single(inputs);
    }

    @Override
    public long trainableParams(List<Shape> inputs) {
        return 2L * Layer.single(inputs).channels();
    }

    @Override
    public long nonTrainableParams(List<Shape> inputs) {
        return 2L * Layer.single(inputs).channels();
    }

    @Override
    public String summary() {
        return "per channel";
    }
}
