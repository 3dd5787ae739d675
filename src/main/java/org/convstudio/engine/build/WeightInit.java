package org.convstudio.engine.build;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;

/**
 * How the weights and biases of convolutions and dense layers start. Batch norm always starts at
 * γ = 1, β = 0; LeNet-5's subsampling at 1/(k·k) as average pooling.
 */
public enum WeightInit {

    /**
     * PyTorch's {@code nn.Conv2d} / {@code nn.Linear} defaults: Kaiming-uniform with a = √5, i.e. weights
     * and biases both uniform in ±1/√fan_in (fan_in = input channels per group × kernel area, or input
     * features).
     */
    PYTORCH("pytorch", "PyTorch default"),
    /** Glorot/Xavier uniform weights, ±√(6 / (fan_in + fan_out)); zero biases. */
    XAVIER("xavier", "Xavier"),
    /**
     * He (Kaiming) normal weights, N(0, 2/fan_in); zero biases. This is DJL's own default for weights
     * and what ConvStudio used before the setting existed.
     */
    HE("he", "He");

    private final String id;
    private final String label;

    WeightInit(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name on the command line and in config.json ("pytorch", "xavier", "he"). */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return id;
    }

    /** Human-readable name for the app. */
    public String label() {
        return label;
    }

    /**
     * Parses an id (case-insensitive).
     *
     * @throws IllegalArgumentException with a sentence listing the choices
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static WeightInit parse(String text) {
        for (WeightInit w : values()) {
            if (w.id.equalsIgnoreCase(text == null ? "" : text.trim()) || w.name().equalsIgnoreCase(text)) {
                return w;
            }
        }
        throw new IllegalArgumentException("Unknown initialisation \"" + text + "\" — use pytorch, xavier or he");
    }

    @Override
    public String toString() {
        return id;
    }

    /**
     * Sets the initialisers of a DJL convolution or dense block whose weight has {@code fanIn} inputs per
     * output and {@code fanOut} outputs per input (call before the block is initialised).
     */
    void applyTo(Block block, long fanIn, long fanOut) {
        block.setInitializer(weights(fanIn, fanOut), Parameter.Type.WEIGHT);
        block.setInitializer(bias(fanIn), Parameter.Type.BIAS);
    }

    /** The weight initialiser for a layer with these fans (shape-independent: works on flat weights too). */
    Initializer weights(long fanIn, long fanOut) {
        return switch (this) {
            case PYTORCH -> new UniformInitializer((float) (1 / Math.sqrt(fanIn)));
            case XAVIER -> new UniformInitializer((float) Math.sqrt(6.0 / (fanIn + fanOut)));
            case HE -> (manager, shape, dataType) -> manager.randomNormal(0f, (float) Math.sqrt(2.0 / fanIn), shape,
                    dataType);
        };
    }

    /** The bias initialiser. */
    Initializer bias(long fanIn) {
        return this == PYTORCH ? new UniformInitializer((float) (1 / Math.sqrt(fanIn))) : Initializer.ZEROS;
    }
}
