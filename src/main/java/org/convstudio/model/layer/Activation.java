package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/** A value-by-value non-linearity. {@code alpha} is the negative slope of Leaky ReLU or the scale of ELU. */
public record Activation(ActivationKind kind, double alpha) implements Layer {

    public Activation {
        Layer.require(kind != null, "the activation kind is missing");
        Layer.require(Double.isFinite(alpha) && alpha >= 0 && alpha <= 10, "alpha must be between 0 and 10");
        if (!kind.hasAlpha()) {
            alpha = 0;
        } else if (alpha == 0) {
            alpha = kind == ActivationKind.ELU ? 1.0 : 0.01;
        }
    }

    public static Activation of(ActivationKind kind) {
        return new Activation(kind, 0);
    }

    public static Activation relu() {
        return of(ActivationKind.RELU);
    }

    @Override
    public LayerType type() {
        return LayerType.ACTIVATION;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Layer.single(inputs);
    }

    @Override
    public String summary() {
        return kind.hasAlpha() ? kind.title() + " " + alpha : kind.title();
    }
}
