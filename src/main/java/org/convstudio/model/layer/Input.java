package org.convstudio.model.layer;

import java.util.List;
import org.convstudio.model.Shape;

/** The network's input images: channels × height × width. */
public record Input(int channels, int height, int width) implements Layer {

    public Input {
        Layer.require(channels >= 1 && channels <= 4096, "the input needs between 1 and 4096 channels (1 for grey, 3 for colour)");
        Layer.require(height >= 1 && width >= 1, "the input image must be at least 1×1 pixel");
        Layer.require(height <= 8192 && width <= 8192, "the input image can be at most 8192×8192 pixels");
    }

    @Override
    public LayerType type() {
        return LayerType.INPUT;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Shape.image(channels, height, width);
    }

    @Override
    public String summary() {
        return channels + "×" + height + "×" + width;
    }
}
