package org.convstudio.engine.bench;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Hand-built networks for the benchmark and tests, until the graph translator exists. Each preset is
 * a block factory plus its input shape and class count.
 */
public final class BenchNetworks {

    private BenchNetworks() {
    }

    /** A named network: factory, input (C, H, W), classes. */
    public record Preset(String name, Supplier<Block> factory, Shape inputShape, int classCount) {
    }

    /** Looks a preset up by name ("lenet"). */
    public static Preset preset(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "lenet":
            case "lenet5":
                return new Preset("lenet", BenchNetworks::lenet, new Shape(1, 28, 28), 10);
            default:
                throw new IllegalArgumentException("unknown preset: " + name + " (known: lenet)");
        }
    }

    /**
     * LeNet-5 style, for 1×28×28 inputs and 10 classes: conv 6@5×5 pad 2, ReLU, max-pool 2, conv
     * 16@5×5, ReLU, max-pool 2, flatten, dense 120, ReLU, dense 84, ReLU, dense 10 (logits).
     */
    public static Block lenet() {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).optPadding(new Shape(2, 2)).setFilters(6).build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(16).build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(120).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(84).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(10).build());
    }
}
