package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/** Averages each feature map into a single value: C×H×W becomes a vector of C values. */
public record GlobalAvgPool() implements Layer {

    @Override
    public LayerType type() {
        return LayerType.GLOBAL_AVG_POOL;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = Layer.requireSpatial(Layer.single(inputs), "global pooling layer");
        return Shape.vector(in.channels());
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public String summary() {
        return "avg H×W";
    }
}
