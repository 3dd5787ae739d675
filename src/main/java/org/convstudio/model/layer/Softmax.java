package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/** Turns a vector of class scores into probabilities. Training uses it through the cross-entropy loss. */
public record Softmax() implements Layer {

    @Override
    public LayerType type() {
        return LayerType.SOFTMAX;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = Layer.single(inputs);
        if (in.spatial()) {
            throw new ShapeMismatch("it receives " + in + " feature maps but softmax turns a vector of class scores into probabilities — add Flatten and Dense blocks before it");
        }
        return in;
    }

    @Override
    public String summary() {
        return "probabilities";
    }
}
