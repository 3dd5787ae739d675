package org.convstudio.engine.run;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.convstudio.engine.train.OptimizerKind;
import org.convstudio.engine.train.TrainingConfig;

/**
 * The optimisers offered by name, in the app's chooser and as {@code train --optimizer}, with the
 * defaults both use (SGD with momentum {@value #SGD_MOMENTUM}). Defined here once.
 */
public enum NamedOptimizer {
    ADAM("adam", "Adam", OptimizerKind.ADAM),
    ADAMW("adamw", "AdamW", OptimizerKind.ADAMW),
    SGD("sgd", "SGD (momentum 0.9)", OptimizerKind.SGD),
    RMSPROP("rmsprop", "RMSProp", OptimizerKind.RMSPROP);

    /** The momentum SGD uses unless told otherwise (app and {@code --momentum} default). */
    public static final double SGD_MOMENTUM = 0.9;

    private final String id;
    private final String label;
    private final OptimizerKind kind;

    NamedOptimizer(String id, String label, OptimizerKind kind) {
        this.id = id;
        this.label = label;
        this.kind = kind;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public OptimizerKind kind() {
        return kind;
    }

    /**
     * Sets this optimiser and its learning rate on {@code b}; for SGD also the momentum (Nesterov only
     * with a momentum above 0).
     */
    public TrainingConfig.Builder configure(TrainingConfig.Builder b, double learningRate, double momentum,
                                            boolean nesterov) {
        b.setOptimizer(kind, learningRate);
        if (kind == OptimizerKind.SGD) {
            b.optMomentum(momentum, nesterov);
        }
        return b;
    }

    /** As {@link #configure(TrainingConfig.Builder, double, double, boolean)} with the default momentum. */
    public TrainingConfig.Builder configure(TrainingConfig.Builder b, double learningRate) {
        return configure(b, learningRate, SGD_MOMENTUM, false);
    }

    /** The optimiser by its command-line name (any case). */
    public static NamedOptimizer parse(String name) {
        for (NamedOptimizer o : values()) {
            if (o.id.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return o;
            }
        }
        throw new IllegalArgumentException("Unknown optimizer \"" + name + "\" — use " + choices());
    }

    /** The named optimiser for a kind. */
    public static NamedOptimizer of(OptimizerKind kind) {
        for (NamedOptimizer o : values()) {
            if (o.kind == kind) {
                return o;
            }
        }
        throw new IllegalArgumentException("no name for " + kind);
    }

    /** "adam, adamw, sgd or rmsprop". */
    public static String choices() {
        String all = Arrays.stream(values()).map(NamedOptimizer::id).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    @Override
    public String toString() {
        return label;
    }
}
