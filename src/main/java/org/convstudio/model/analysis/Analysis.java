package org.convstudio.model.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convstudio.model.Shape;
import org.convstudio.model.graph.Network;

/**
 * Everything the model knows about a design: per-node shapes, counts and receptive fields (in
 * topological order), the problems found, and totals over the nodes whose shapes are known.
 *
 * @param order node ids from input to output (nodes caught in a loop are left out)
 * @param inputId the Input node, or null if there is none
 * @param outputId the node that ends the network, or null if it cannot be told
 */
public record Analysis(Network network, List<String> order, Map<String, NodeInfo> infos,
                       List<Problem> problems, Totals totals, String inputId, String outputId) {

    public Analysis {
        order = List.copyOf(order);
        infos = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(infos));
        problems = List.copyOf(problems);
    }

    /** No errors (warnings allowed). */
    public boolean isValid() {
        return problems.stream().noneMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public List<Problem> problemsFor(String nodeId) {
        return problems.stream().filter(p -> nodeId.equals(p.nodeId())).toList();
    }

    public Optional<NodeInfo> info(String nodeId) {
        return Optional.ofNullable(infos.get(nodeId));
    }

    /** The input shape, if the network has a valid Input node. */
    public Optional<Shape> inputShape() {
        return inputId == null ? Optional.empty() : info(inputId).map(NodeInfo::output);
    }

    /** The shape of the network's output, if known. */
    public Optional<Shape> outputShape() {
        return outputId == null ? Optional.empty() : info(outputId).map(NodeInfo::output);
    }

    /**
     * Why this design cannot be trained as a classifier, or empty when it can: the first error, or an
     * output that is not a vector of class scores.
     */
    public Optional<String> trainBlocker() {
        Optional<Problem> first = problems.stream().filter(Problem::isError).findFirst();
        if (first.isPresent()) {
            return Optional.of(first.get().message());
        }
        Optional<Shape> out = outputShape();
        if (out.isEmpty()) {
            return Optional.of("the network has no output yet — connect blocks from the Input to a final Dense block");
        }
        if (out.get().spatial()) {
            return Optional.of(outputId + ": the network ends with " + out.get()
                    + " feature maps; to classify images, end it with Flatten and then Dense (one unit per class)");
        }
        if (out.get().channels() < 2) {
            return Optional.of(outputId + ": the network ends with a single value; a classifier needs one output per class (at least 2)");
        }
        return Optional.empty();
    }
}
