package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/** Unrolls C×H×W feature maps into a vector of C·H·W values. */
public record Flatten() implements Layer {

    @Override
    public LayerType type() {
        return LayerType.FLATTEN;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        long n = Layer.single(inputs).elements();
        if (n > Integer.MAX_VALUE) {
            throw new ShapeMismatch("flattening gives " + n + " values, too many for one vector — shrink the maps first with pooling");
        }
        return Shape.vector((int) n);
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public String summary() {
        return "to vector";
    }
}
