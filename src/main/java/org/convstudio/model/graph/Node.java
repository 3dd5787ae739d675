package org.convstudio.model.graph;

import java.util.List;
import java.util.Objects;
import org.convstudio.model.layer.Layer;

/**
 * One block of a network: a unique id, its layer, the ids of the nodes it reads (in order), where
 * the editor draws it, and whether training may change its parameters ({@code trainable}, true unless
 * the block is frozen, e.g. a pretrained backbone during fine-tuning).
 */
public record Node(String id, Layer layer, List<String> inputs, double x, double y, boolean trainable) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        inputs = List.copyOf(inputs);
    }

    /** A trainable block. */
    public Node(String id, Layer layer, List<String> inputs, double x, double y) {
        this(id, layer, inputs, x, y, true);
    }

    public static Node of(String id, Layer layer, String... inputs) {
        return new Node(id, layer, List.of(inputs), 0, 0, true);
    }

    public Node withLayer(Layer l) {
        return new Node(id, l, inputs, x, y, trainable);
    }

    public Node withInputs(List<String> in) {
        return new Node(id, layer, in, x, y, trainable);
    }

    public Node withPosition(double nx, double ny) {
        return new Node(id, layer, inputs, nx, ny, trainable);
    }

    public Node withId(String newId) {
        return new Node(newId, layer, inputs, x, y, trainable);
    }

    /** The same block, frozen ({@code false}: its parameters keep their values during training) or not. */
    public Node withTrainable(boolean t) {
        return new Node(id, layer, inputs, x, y, t);
    }
}
