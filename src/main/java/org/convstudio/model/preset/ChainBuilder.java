package org.convstudio.model.preset;

import java.util.ArrayList;
import java.util.List;
import org.convstudio.model.graph.AutoLayout;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Input;
import org.convstudio.model.layer.Layer;

/** Writes presets as chains, with explicit inputs where paths branch and merge. */
final class ChainBuilder {

    private final String name;
    private final List<Node> nodes = new ArrayList<>();
    private String last;

    ChainBuilder(String name, Input input) {
        this.name = name;
        nodes.add(Node.of("input", input));
        last = "input";
    }

    /** Appends a block reading the previous one. */
    ChainBuilder then(String id, Layer layer) {
        return from(id, layer, last);
    }

    /** Appends a block reading the given blocks. */
    ChainBuilder from(String id, Layer layer, String... inputs) {
        nodes.add(Node.of(id, layer, inputs));
        last = id;
        return this;
    }

    String last() {
        return last;
    }

    /**
     * The network with its blocks in one provisional column (cheap: no layout engine). {@link Presets#get}
     * lays it out properly; the editor does that in the background, off the start-up path.
     */
    Network build() {
        java.util.List<Node> placed = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            placed.add(nodes.get(i).withPosition(0, i * (AutoLayout.DEFAULT_HEIGHT + AutoLayout.LAYER_GAP)));
        }
        return new Network(name, placed);
    }
}
