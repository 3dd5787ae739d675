package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/** AlexNet's local response normalisation across {@code size} neighbouring channels. */
public record LocalResponseNorm(int size, double alpha, double beta, double k) implements Layer {

    public LocalResponseNorm {
        Layer.require(size >= 1 && size <= 1023 && size % 2 == 1,
                "the neighbourhood size must be an odd number of channels between 1 and 1023 (5 in AlexNet)");
        Layer.require(Double.isFinite(alpha) && alpha >= 0, "alpha must be zero or positive");
        Layer.require(Double.isFinite(beta) && beta >= 0, "beta must be zero or positive");
        Layer.require(Double.isFinite(k) && k >= 0, "k must be zero or positive");
    }

    @Override
    public LayerType type() {
        return LayerType.LOCAL_RESPONSE_NORM;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Layer.requireSpatial(Layer.single(inputs), "local response normalisation");
    }

    @Override
    public String summary() {
        return "n=" + size;
    }
}
