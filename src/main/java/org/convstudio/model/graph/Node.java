package org.convstudio.model.graph;

import java.util.List;
import java.util.Objects;
import org.convstudio.model.layer.Layer;

/**
 * One block of a network: a unique id, its layer, the ids of the nodes it reads (in order), and where
 * the editor draws it.
 */
public record Node(String id, Layer layer, List<String> inputs, double x, double y) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        inputs = List.copyOf(inputs);
    }

    public static Node of(String id, Layer layer, String... inputs) {
        return new Node(id, layer, List.of(inputs), 0, 0);
    }

    public Node withLayer(Layer l) {
        return new Node(id, l, inputs, x, y);
    }

    public Node withInputs(List<String> in) {
        return new Node(id, layer, in, x, y);
    }

    public Node withPosition(double nx, double ny) {
        return new Node(id, layer, inputs, nx, ny);
    }

    public Node withId(String newId) {
        return new Node(newId, layer, inputs, x, y);
    }
}
