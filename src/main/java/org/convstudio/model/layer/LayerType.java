package org.convstudio.model.layer;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** The kinds of block, with the ids used in files, their palette group, how many inputs they take and a default. */
public enum LayerType {
    INPUT("input", "Input", Group.INPUT, 0, 0, "The images fed to the network: channels × height × width.",
            () -> new Input(1, 28, 28)),
    CONV2D("conv2d", "Conv 2D", Group.CONVOLUTION, 1, 1,
            "Slides learnt filters over the feature maps; each filter makes one new map.",
            () -> Conv2d.of(8, 3)),
    POOL2D("pool2d", "Pooling", Group.POOLING, 1, 1,
            "Shrinks each map by keeping the max (or average) of every small window.",
            () -> Pool2d.max(2)),
    SUBSAMPLING("subsampling", "Subsampling", Group.POOLING, 1, 1,
            "LeNet-5's pooling: sums each window, then a learnt coefficient and bias per map.",
            () -> new Subsampling(2, 2)),
    GLOBAL_AVG_POOL("globalavgpool", "Global avg pool", Group.POOLING, 1, 1,
            "Averages each whole map into one number: C maps become a vector of C values.",
            GlobalAvgPool::new),
    ACTIVATION("activation", "Activation", Group.ACTIVATION, 1, 1,
            "Applies a non-linearity (ReLU, tanh, sigmoid...) to every value.",
            () -> new Activation(ActivationKind.RELU, 0)),
    BATCH_NORM("batchnorm", "Batch norm", Group.NORMALISATION, 1, 1,
            "Re-centres and re-scales each channel with batch statistics; speeds up training.",
            () -> new BatchNorm(1e-5, 0.1)),
    LOCAL_RESPONSE_NORM("lrn", "Local response norm", Group.NORMALISATION, 1, 1,
            "AlexNet's normalisation across neighbouring channels.",
            () -> new LocalResponseNorm(5, 1e-4, 0.75, 2)),
    DROPOUT("dropout", "Dropout", Group.REGULARISATION, 1, 1,
            "During training, zeroes a random fraction of values so units cannot co-adapt.",
            () -> new Dropout(0.5)),
    FLATTEN("flatten", "Flatten", Group.DENSE, 1, 1,
            "Unrolls the feature maps into one long vector for the dense layers.",
            Flatten::new),
    DENSE("dense", "Dense", Group.DENSE, 1, 1,
            "Fully connected: every output is a weighted sum of every input.",
            () -> new Dense(10, true)),
    SOFTMAX("softmax", "Softmax", Group.DENSE, 1, 1,
            "Turns class scores into probabilities that sum to 1.",
            Softmax::new),
    ADD("add", "Add", Group.MERGE, 2, Integer.MAX_VALUE,
            "Adds same-shaped inputs value by value (the residual connection of ResNet).",
            Add::new),
    CONCAT("concat", "Concat", Group.MERGE, 2, Integer.MAX_VALUE,
            "Stacks the inputs' channels together (the merge of an Inception block).",
            Concat::new);

    /** Palette groups, in palette order. */
    public enum Group {
        INPUT("Input"), CONVOLUTION("Convolution"), POOLING("Pooling"), ACTIVATION("Activation"),
        NORMALISATION("Normalisation"), REGULARISATION("Regularisation"), DENSE("Dense"), MERGE("Merge");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final String id;
    private final String title;
    private final Group group;
    private final int minInputs;
    private final int maxInputs;
    private final String description;
    private final Supplier<Layer> defaults;

    LayerType(String id, String title, Group group, int minInputs, int maxInputs, String description,
              Supplier<Layer> defaults) {
        this.id = id;
        this.title = title;
        this.group = group;
        this.minInputs = minInputs;
        this.maxInputs = maxInputs;
        this.description = description;
        this.defaults = defaults;
    }

    /** The id used in files and on the command line ("conv2d"). */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Group group() {
        return group;
    }

    public int minInputs() {
        return minInputs;
    }

    public int maxInputs() {
        return maxInputs;
    }

    /** One line for palette tooltips. */
    public String description() {
        return description;
    }

    /** A fresh layer of this type with sensible hyperparameters. */
    public Layer defaults() {
        return defaults.get();
    }

    public static Optional<LayerType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
