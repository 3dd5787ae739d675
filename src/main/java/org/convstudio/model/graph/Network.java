package org.convstudio.model.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.convstudio.model.layer.Layer;

/**
 * A network design: a named directed graph of nodes. Immutable; every edit returns a new network, which
 * is what the editor's undo stack keeps. A network may be invalid (cycles, dangling blocks...):
 * {@link org.convstudio.model.analysis.NetworkAnalyzer} says what is wrong and where.
 */
public record Network(String name, List<Node> nodes) {

    public Network {
        Objects.requireNonNull(name, "name");
        nodes = List.copyOf(nodes);
    }

    public static Network empty(String name) {
        return new Network(name, List.of());
    }

    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public boolean contains(String id) {
        return node(id).isPresent();
    }

    /** The nodes that read {@code id}'s output. */
    public List<Node> consumers(String id) {
        return nodes.stream().filter(n -> n.inputs().contains(id)).toList();
    }

    public Set<String> ids() {
        return nodes.stream().map(Node::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public Network withName(String newName) {
        return new Network(newName, nodes);
    }

    /** Adds a node at the end. */
    public Network with(Node node) {
        List<Node> list = new ArrayList<>(nodes);
        list.add(node);
        return new Network(name, list);
    }

    /** Replaces the node of the same id (or adds it). */
    public Network replace(Node node) {
        List<Node> list = new ArrayList<>(nodes);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(node.id())) {
                list.set(i, node);
                return new Network(name, list);
            }
        }
        list.add(node);
        return new Network(name, list);
    }

    /** Applies {@code change} to node {@code id}; unknown ids leave the network as it is. */
    public Network update(String id, UnaryOperator<Node> change) {
        return node(id).map(n -> replace(change.apply(n))).orElse(this);
    }

    public Network withLayer(String id, Layer layer) {
        return update(id, n -> n.withLayer(layer));
    }

    /** Removes nodes and every connection to them. */
    public Network without(Set<String> ids) {
        List<Node> list = new ArrayList<>();
        for (Node n : nodes) {
            if (!ids.contains(n.id())) {
                list.add(n.withInputs(n.inputs().stream().filter(i -> !ids.contains(i)).toList()));
            }
        }
        return new Network(name, list);
    }

    /** Connects {@code from}'s output to {@code to}'s next input (no change if already connected). */
    public Network connect(String from, String to) {
        return update(to, n -> {
            if (n.inputs().contains(from)) {
                return n;
            }
            List<String> in = new ArrayList<>(n.inputs());
            in.add(from);
            return n.withInputs(in);
        });
    }

    public Network disconnect(String from, String to) {
        return update(to, n -> n.withInputs(n.inputs().stream().filter(i -> !i.equals(from)).toList()));
    }

    /**
     * Inserts {@code node} (which must take one input) on the edge {@code from → to}: {@code to} then reads
     * the new node instead of {@code from}.
     */
    public Network insertOnEdge(String from, String to, Node node) {
        Network withNew = with(node.withInputs(List.of(from)));
        return withNew.update(to, n -> n.withInputs(n.inputs().stream().map(i -> i.equals(from) ? node.id() : i).toList()));
    }

    /** A fresh id "prefix1", "prefix2"... not used yet. */
    public String freshId(String prefix) {
        Set<String> used = ids();
        for (int i = 1; ; i++) {
            if (!used.contains(prefix + i)) {
                return prefix + i;
            }
        }
    }
}
