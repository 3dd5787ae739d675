package org.convstudio.model.preset;

import java.util.List;
import org.convstudio.model.graph.Network;
import org.convstudio.model.layer.Activation;
import org.convstudio.model.layer.Concat;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.layer.Dropout;
import org.convstudio.model.layer.Flatten;
import org.convstudio.model.layer.Input;
import org.convstudio.model.layer.LocalResponseNorm;
import org.convstudio.model.layer.Pool2d;
import org.convstudio.model.layer.PoolMode;
import org.convstudio.model.layer.Softmax;

/**
 * GoogLeNet (Szegedy et al., "Going Deeper with Convolutions", 2014) as in the paper's Table 1, without
 * the two auxiliary classifiers used only during training. An inception module runs four paths side by
 * side on the same input — a 1×1 convolution, a 1×1 reduction then 3×3, a 1×1 reduction then 5×5, and a
 * 3×3 max pool then a 1×1 projection — and stacks their outputs along the channels.
 */
public final class GoogLeNet {

    /**
     * One row of the paper's Table 1 for an inception module.
     *
     * @param publishedK the table's "params" column, in thousands of weights (K = 1024, biases left out)
     * @param publishedOpsM the table's "ops" column: millions of multiply-adds
     */
    public record Module(String name, int c1x1, int reduce3, int c3x3, int reduce5, int c5x5, int poolProj,
                         int publishedK, int publishedOpsM) {

        /** Channels the module outputs: the four paths stacked. */
        public int outputChannels() {
            return c1x1 + c3x3 + c5x5 + poolProj;
        }

        /** Node id of the module's concatenation. */
        public String concatId() {
            return "inception_" + name;
        }
    }

    /** The nine inception modules of Table 1, in order. */
    public static final List<Module> MODULES = List.of(
            new Module("3a", 64, 96, 128, 16, 32, 32, 159, 128),
            new Module("3b", 128, 128, 192, 32, 96, 64, 380, 304),
            new Module("4a", 192, 96, 208, 16, 48, 64, 364, 73),
            new Module("4b", 160, 112, 224, 24, 64, 64, 437, 88),
            new Module("4c", 128, 128, 256, 24, 64, 64, 463, 100),
            new Module("4d", 112, 144, 288, 32, 64, 64, 580, 119),
            new Module("4e", 256, 160, 320, 32, 128, 128, 840, 170),
            new Module("5a", 256, 160, 320, 32, 128, 128, 1072, 54),
            new Module("5b", 384, 192, 384, 48, 128, 128, 1388, 71));

    private GoogLeNet() {
    }

    public static Network network() {
        LocalResponseNorm lrn = new LocalResponseNorm(5, 1e-4, 0.75, 1);
        ChainBuilder b = new ChainBuilder("GoogLeNet", new Input(3, 224, 224))
                .then("conv1", Conv2d.of(64, 7).withStride(2).withPadding(3)).then("conv1_relu", Activation.relu())
                .then("pool1", Pool2d.max(3, 2).withPadding(1)).then("norm1", lrn)
                .then("conv2_reduce", Conv2d.of(64, 1)).then("conv2_reduce_relu", Activation.relu())
                .then("conv2", Conv2d.of(192, 3).withPadding(1)).then("conv2_relu", Activation.relu())
                .then("norm2", lrn).then("pool2", Pool2d.max(3, 2).withPadding(1));
        for (Module m : MODULES) {
            inception(b, m);
            if (m.name().equals("3b")) {
                b.then("pool3", Pool2d.max(3, 2).withPadding(1));
            } else if (m.name().equals("4e")) {
                b.then("pool4", Pool2d.max(3, 2).withPadding(1));
            }
        }
        return b.then("pool5", new Pool2d(PoolMode.AVG, 7, 7, 1, 1, 0, 0))
                .then("dropout", new Dropout(0.4))
                .then("flatten", new Flatten())
                .then("linear", Dense.of(1000)).then("softmax", new Softmax())
                .build();
    }

    private static void inception(ChainBuilder b, Module m) {
        String in = b.last();
        String p = "inception_" + m.name() + ".";
        b.from(p + "1x1", Conv2d.of(m.c1x1(), 1), in).then(p + "1x1_relu", Activation.relu());
        String path1 = b.last();
        b.from(p + "3x3_reduce", Conv2d.of(m.reduce3(), 1), in).then(p + "3x3_reduce_relu", Activation.relu())
                .then(p + "3x3", Conv2d.of(m.c3x3(), 3).withPadding(1)).then(p + "3x3_relu", Activation.relu());
        String path2 = b.last();
        b.from(p + "5x5_reduce", Conv2d.of(m.reduce5(), 1), in).then(p + "5x5_reduce_relu", Activation.relu())
                .then(p + "5x5", Conv2d.of(m.c5x5(), 5).withPadding(2)).then(p + "5x5_relu", Activation.relu());
        String path3 = b.last();
        b.from(p + "pool", new Pool2d(PoolMode.MAX, 3, 3, 1, 1, 1, 1), in)
                .then(p + "pool_proj", Conv2d.of(m.poolProj(), 1)).then(p + "pool_proj_relu", Activation.relu());
        String path4 = b.last();
        b.from(m.concatId(), new Concat(), path1, path2, path3, path4);
    }
}
