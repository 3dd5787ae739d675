package org.convstudio.model.export;

import java.util.List;
import org.convstudio.model.graph.AutoLayout;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Activation;
import org.convstudio.model.layer.ActivationKind;
import org.convstudio.model.layer.Add;
import org.convstudio.model.layer.BatchNorm;
import org.convstudio.model.layer.Concat;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.layer.Dropout;
import org.convstudio.model.layer.Flatten;
import org.convstudio.model.layer.GlobalAvgPool;
import org.convstudio.model.layer.Input;
import org.convstudio.model.layer.LocalResponseNorm;
import org.convstudio.model.layer.Padding;
import org.convstudio.model.layer.Pool2d;
import org.convstudio.model.layer.PoolMode;
import org.convstudio.model.layer.Softmax;
import org.convstudio.model.layer.Subsampling;

/**
 * A 1×28×28 design with every kind of block (and ids PyTorch cannot take as they are, and a frozen
 * block), for the export tests.
 */
public final class ExportZoo {

    private ExportZoo() {
    }

    public static Network network() {
        List<List<Integer>> table = List.of(List.of(0, 1, 2), List.of(3, 4, 5, 6), List.of(7, 15), List.of(8, 9, 10, 11, 12),
                List.of(13, 14), List.of(0, 5, 10, 15));
        Network n = new Network("Zoo", List.of(
                Node.of("input", new Input(1, 28, 28)),
                Node.of("stem", Conv2d.of(8, 3).withPadding(Padding.SAME), "input"),
                Node.of("stem.bn", new BatchNorm(1e-3, 0.2), "stem"),
                Node.of("leaky", new Activation(ActivationKind.LEAKY_RELU, 0.2), "stem.bn"),
                Node.of("wide", Conv2d.of(8, 3).withPadding(2).withDilation(2).withGroups(2), "leaky"),
                Node.of("elu", new Activation(ActivationKind.ELU, 0.7), "wide"),
                Node.of("narrow", Conv2d.of(8, 1).withBias(false), "leaky").withTrainable(false), // frozen
                Node.of("gelu", Activation.of(ActivationKind.GELU), "narrow"),
                Node.of("join", new Concat(), "elu", "gelu"),
                Node.of("l2", new Pool2d(PoolMode.L2, 2, 2, 2, 2, 0, 0), "join"),
                Node.of("lrn", new LocalResponseNorm(5, 1e-3, 0.75, 2), "l2"),
                Node.of("c3", Conv2d.of(6, 3).withPadding(1).withConnections(table), "lrn"),
                Node.of("sig", Activation.of(ActivationKind.SIGMOID), "c3"),
                Node.of("s4", new Subsampling(2, 2), "sig"),
                Node.of("train", Activation.of(ActivationKind.TANH), "s4"),
                Node.of("side", Conv2d.of(6, 1), "train"),
                Node.of("a..b", new Add(), "train", "side"),
                Node.of("avg", new Pool2d(PoolMode.AVG, 3, 3, 1, 1, 1, 1), "a..b"),
                Node.of("max", new Pool2d(PoolMode.MAX, 3, 3, 2, 2, 1, 1), "avg"),
                Node.of("flat", new Flatten(), "max"),
                Node.of("gap", new GlobalAvgPool(), "a..b"),
                Node.of("vectors", new Concat(), "flat", "gap"),
                Node.of("fc", Dense.of(32), "vectors"),
                Node.of("fc.bn", new BatchNorm(1e-5, 0.1), "fc"),
                Node.of("relu", Activation.relu(), "fc.bn"),
                Node.of("drop", new Dropout(0.3), "relu"),
                Node.of("probs", new Softmax(), "drop"),
                Node.of("out", Dense.of(10), "probs"),
                Node.of("softmax", new Softmax(), "out")));
        return AutoLayout.apply(n);
    }
}
