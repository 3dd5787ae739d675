package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/** A fully connected layer: {@code units} weighted sums of the whole input vector (plus a bias each). */
public record Dense(int units, boolean bias) implements Layer {

    public Dense {
        Layer.require(units >= 1, "a dense layer needs at least 1 unit");
        Layer.require(units <= 1_000_000, "a dense layer can have at most 1,000,000 units");
    }

    public static Dense of(int units) {
        return new Dense(units, true);
    }

    @Override
    public LayerType type() {
        return LayerType.DENSE;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = Layer.single(inputs);
        if (in.spatial()) {
            throw new ShapeMismatch("it receives " + in + " feature maps but a dense layer needs a flat vector — add a Flatten block before it");
        }
        return Shape.vector(units);
    }

    @Override
    public long trainableParams(List<Shape> inputs) {
        return Math.multiplyExact((long) Layer.single(inputs).channels(), (long) units) + (bias ? units : 0);
    }

    @Override
    public long macs(List<Shape> inputs, Shape output) {
        return (long) Layer.single(inputs).channels() * units;
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public String summary() {
        return units + " units" + (bias ? "" : " no bias");
    }
}
