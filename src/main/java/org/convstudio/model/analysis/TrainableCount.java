package org.convstudio.model.analysis;

import java.util.Locale;

import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;

/**
 * How much of a design training changes: the parameters that train (frozen blocks excluded) out of all
 * learnt parameters (what would train with nothing frozen; batch-norm running statistics are not counted:
 * they are never learnt by gradient).
 *
 * @param trainable    parameters that get gradients
 * @param learnable    parameters that would get gradients if no block were frozen
 * @param frozenBlocks blocks with parameters that are frozen
 */
public record TrainableCount(long trainable, long learnable, int frozenBlocks) {

    /** Counts {@code a}'s design (an invalid part counts nothing). */
    public static TrainableCount of(Analysis a) {
        Network net = a.network();
        long learnable = 0;
        int frozen = 0;
        Analysis all = a;
        if (net.nodes().stream().anyMatch(n -> !n.trainable())) {
            all = NetworkAnalyzer.analyze(new Network(net.name(),
                    net.nodes().stream().map(n -> n.withTrainable(true)).toList()));
            for (Node n : net.nodes()) {
                if (!n.trainable() && all.info(n.id()).map(NodeInfo::trainableParams).orElse(0L) > 0) {
                    frozen++;
                }
            }
        }
        learnable = all.totals().trainableParams();
        return new TrainableCount(a.totals().trainableParams(), learnable, frozen);
    }

    /** Counts {@code network}. */
    public static TrainableCount of(Network network) {
        return of(NetworkAnalyzer.analyze(network));
    }

    /** "61,706 of 61,706 parameters train" or "5,130 of 61,706 parameters train (4 blocks frozen)". */
    public String sentence() {
        String s = String.format(Locale.ROOT, "%,d of %,d parameters train", trainable, learnable);
        return frozenBlocks == 0 ? s : s + " (" + frozenBlocks + (frozenBlocks == 1 ? " block" : " blocks") + " frozen)";
    }
}
