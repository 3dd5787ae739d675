package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/** Adds its inputs value by value; they must have the same shape (ResNet's shortcut). */
public record Add() implements Layer {

    @Override
    public LayerType type() {
        return LayerType.ADD;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape first = inputs.get(0);
        for (Shape s : inputs) {
            if (!s.equals(first)) {
                throw new ShapeMismatch("it adds inputs of different shapes (" + first + " and " + s
                        + ") — make both paths end with the same channels and size, e.g. with a 1×1 convolution on the shortcut");
            }
        }
        return first;
    }

    @Override
    public String summary() {
        return "sum of " + "inputs";
    }
}
