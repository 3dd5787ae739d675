package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/** Stacks the channels of its inputs (same height and width), or joins vectors end to end. */
public record Concat() implements Layer {

    @Override
    public LayerType type() {
        return LayerType.CONCAT;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape first = inputs.get(0);
        long channels = 0;
        for (Shape s : inputs) {
            if (s.spatial() != first.spatial()) {
                throw new ShapeMismatch("it joins feature maps with a flat vector — flatten both or neither");
            }
            if (s.spatial() && (s.height() != first.height() || s.width() != first.width())) {
                throw new ShapeMismatch("it stacks maps of different sizes (" + first.height() + "×" + first.width()
                        + " and " + s.height() + "×" + s.width() + ") — use padding so that every path keeps the same height and width");
            }
            channels += s.channels();
        }
        if (channels > Integer.MAX_VALUE) {
            throw new ShapeMismatch("it would produce more channels than can be stored");
        }
        return first.spatial() ? Shape.image((int) channels, first.height(), first.width()) : Shape.vector((int) channels);
    }

    @Override
    public String summary() {
        return "stack channels";
    }
}
