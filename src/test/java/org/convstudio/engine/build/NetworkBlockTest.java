package org.convstudio.engine.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import ai.djl.util.Pair;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Flatten;
import org.convstudio.model.layer.Input;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The block DJL builds from a design has the design's parameters and shapes. */
class NetworkBlockTest {

    static long[] counts(NetworkBlock block) {
        long total = 0;
        long trainable = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            long n = p.getValue().getArray().size();
            total += n;
            if (p.getValue().requiresGradient()) {
                trainable += n;
            }
        }
        return new long[] {total, trainable};
    }

    @ParameterizedTest
    @ValueSource(strings = {"lenet", "lenet5", "mlp", "tinyvgg", "alexnet", "vgg16", "resnet18", "googlenet"})
    void djlCountsTheSameParametersAsTheModel(String preset) {
        Network n = Presets.get(preset);
        Analysis a = NetworkAnalyzer.analyze(n);
        NetworkBlock block = NetworkBlock.of(n);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, block.inputShape(1));
            long[] c = counts(block);
            assertEquals(a.totals().params(), c[0], preset + " total");
            assertEquals(a.totals().trainableParams(), c[1], preset + " trainable");
            Shape out = block.getOutputShapes(new Shape[] {block.inputShape(2)})[0];
            assertEquals(new Shape(2, a.outputShape().orElseThrow().channels()), out);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lenet5", "tinyvgg", "resnet18"})
    void everyNodeOutputHasTheModelShape(String preset) {
        Network n = Presets.get(preset);
        Analysis a = NetworkAnalyzer.analyze(n);
        NetworkBlock block = NetworkBlock.of(n);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, block.inputShape(1));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomUniform(0, 1, block.inputShape(2));
            Map<String, NDArray> out = block.forwardCapture(ps, x, false, new HashSet<>(block.nodeIds()));
            for (String id : block.nodeIds()) {
                List<Integer> dims = a.info(id).orElseThrow().output().dims();
                long[] expected = new long[dims.size() + 1];
                expected[0] = 2;
                for (int i = 0; i < dims.size(); i++) {
                    expected[i + 1] = dims.get(i);
                }
                assertArrayEquals(expected, out.get(id).getShape().getShape(), preset + "/" + id);
            }
        }
    }

    /** A 3×3 kernel of ones over a 4×4 ramp, by hand: each output is the sum of its window plus the bias. */
    @Test
    void convolutionKnownAnswer() {
        Network n = new Network("k", List.of(Node.of("input", new Input(1, 4, 4)),
                Node.of("conv", Conv2d.of(1, 3), "input"), Node.of("flat", new Flatten(), "conv")));
        // flatten ends in a vector of 4 values: a valid "classifier" for this check
        NetworkBlock block = NetworkBlock.of(n);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, block.inputShape(1));
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (p.getKey().endsWith("weight")) {
                    p.getValue().getArray().set(m.ones(new Shape(1, 1, 3, 3)).toFloatArray());
                } else {
                    p.getValue().getArray().set(new float[] {0.5f});
                }
            }
            NDArray x = m.arange(16f).reshape(1, 1, 4, 4);
            float[] y = block.forward(new ParameterStore(m, false), new ai.djl.ndarray.NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            // windows: rows 0-2 cols 0-2 = 0+1+2+4+5+6+8+9+10 = 45, then 54, 81, 90 (+0.5 bias)
            assertArrayEquals(new float[] {45.5f, 54.5f, 81.5f, 90.5f}, y, 1e-5f);
        }
    }

    @Test
    void connectionTableTrainsOnlyConnectedWeights() {
        Network n = Presets.get("lenet5");
        NetworkBlock block = NetworkBlock.of(n);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, block.inputShape(1));
            Parameter c3 = block.getParameters().stream().filter(p -> p.getKey().contains("c3") && p.getKey().endsWith("weight"))
                    .findFirst().orElseThrow().getValue();
            assertEquals(new Shape(1500), c3.getArray().getShape(), "60 connections of 5×5");
            for (Pair<String, Parameter> p : block.getParameters()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = block.forward(new ParameterStore(m, false),
                        new ai.djl.ndarray.NDList(m.randomUniform(0, 1, block.inputShape(3))), true).singletonOrThrow();
                gc.backward(out.sum());
            }
            NDArray g = c3.getArray().getGradient();
            assertTrue(g.abs().sum().getFloat() > 0, "gradients reach the table's weights");
        }
    }

    @Test
    void invalidDesignsAreRefusedWithTheModelMessage() {
        Network n = new Network("bad", List.of(Node.of("input", new Input(1, 8, 8)), Node.of("fc", Dense.of(3), "input")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkBlock.of(n));
        assertTrue(e.getMessage().startsWith("fc: "), e.getMessage());
    }
}
