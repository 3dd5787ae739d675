package org.convstudio.model.analysis;

import java.util.Locale;
import java.util.Optional;

import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.layer.LayerType;

/**
 * Whether a design's outputs match a data set's classes: a classifier needs exactly one output per
 * class. Says which block ends the design and what to do, and, when that is a Dense block with the
 * wrong number of units (or one behind a Softmax, Activation or Dropout), offers the fixed design.
 */
public final class ClassFit {

    /** A mismatch: the sentence to show, and the design with the last Dense block fixed, if there is one. */
    public record Mismatch(String message, Optional<String> fixLabel, Optional<Network> fixed) {
    }

    private ClassFit() {
    }

    /** Empty when {@code a}'s outputs match {@code classes} (or either is unknown). */
    public static Optional<Mismatch> check(Analysis a, int classes) {
        if (classes < 2 || a == null || a.outputId() == null || !a.errors().isEmpty()) {
            return Optional.empty();
        }
        var shape = a.outputShape().orElse(null);
        if (shape == null) {
            return Optional.empty();
        }
        long outputs = shape.spatial() ? (long) shape.channels() * shape.height() * shape.width() : shape.channels();
        if (!shape.spatial() && outputs == classes) {
            return Optional.empty();
        }
        Network net = a.network();
        Node last = net.node(a.outputId()).orElseThrow();
        String what = article(last.layer().type().title()) + " (" + last.id() + ")";
        String count = String.format(Locale.ROOT, "%,d", outputs);
        Node dense = lastDense(net, last);
        if (dense != null) {
            int units = ((Dense) dense.layer()).units();
            String msg = "The design ends in " + what + " with " + count + " outputs but the data has " + classes
                    + " classes — give the Dense block " + dense.id() + " " + classes + " units (it has "
                    + String.format(Locale.ROOT, "%,d", units) + ").";
            Network fixed = net.withLayer(dense.id(), new Dense(classes, ((Dense) dense.layer()).bias()));
            return Optional.of(new Mismatch(msg, Optional.of("Give " + dense.id() + " " + classes + " units"),
                    Optional.of(fixed)));
        }
        String msg = "The design ends in " + what + " with " + count + " outputs but the data has " + classes
                + " classes — add " + (shape.spatial() ? "a Flatten and " : "") + "a Dense layer with " + classes
                + " units.";
        return Optional.of(new Mismatch(msg, Optional.empty(), Optional.empty()));
    }

    /** The id of the Dense block that produces the class scores (the classifier head), if the design has one. */
    public static Optional<String> headId(Analysis a) {
        if (a == null || a.outputId() == null) {
            return Optional.empty();
        }
        Node last = a.network().node(a.outputId()).orElse(null);
        Node dense = last == null ? null : lastDense(a.network(), last);
        return dense == null ? Optional.empty() : Optional.of(dense.id());
    }

    /**
     * Transfer learning's "new classifier head": the design with its head given {@code classes} units (keeping
     * its bias setting) and made trainable, so that it learns the new classes while a frozen backbone keeps
     * its weights. Empty when the design has no Dense head.
     *
     * @throws IllegalArgumentException when {@code classes} is below 1
     */
    public static Optional<Network> replaceHead(Analysis a, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("A classifier needs at least one class, not " + classes + ".");
        }
        return headId(a).map(id -> a.network().update(id, n -> n.withLayer(new Dense(classes, ((Dense) n.layer()).bias()))
                .withTrainable(true)));
    }

    /** The Dense block that produces the class scores: {@code last} or the one just before its pass-through tail. */
    private static Node lastDense(Network net, Node last) {
        Node n = last;
        for (int guard = 0; guard < 8 && n != null; guard++) {
            LayerType t = n.layer().type();
            if (t == LayerType.DENSE) {
                return n;
            }
            if ((t == LayerType.SOFTMAX || t == LayerType.ACTIVATION || t == LayerType.DROPOUT) && n.inputs().size() == 1) {
                n = net.node(n.inputs().get(0)).orElse(null);
            } else {
                return null;
            }
        }
        return null;
    }

    private static String article(String title) {
        return ("AEIOU".indexOf(Character.toUpperCase(title.charAt(0))) >= 0 ? "an " : "a ") + title;
    }
}
