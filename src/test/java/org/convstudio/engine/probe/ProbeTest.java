package org.convstudio.engine.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Activation;
import org.convstudio.model.layer.BatchNorm;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.layer.Dropout;
import org.convstudio.model.layer.Flatten;
import org.convstudio.model.layer.Input;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Probes see exactly what the full forward pass computes, change nothing and leak nothing. */
class ProbeTest {

    static InspectionModel lenet;

    @BeforeAll
    static void open() {
        lenet = InspectionModel.open(Presets.get("lenet"), 7);
    }

    @AfterAll
    static void close() {
        lenet.close();
    }

    static float[] images(int n, int len, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * len];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void capturedOutputsEqualTheFullForwardPassNodeByNode() throws Exception {
        float[] x = images(3, 784, 1);
        lenet.call((probe, g) -> {
            Activations a = probe.capture(x, 3);
            assertEquals(probe.nodeIds(), a.ids(), "every node captured, in evaluation order");
            float[] full;
            try (NDManager m = probe.parent().newSubManager()) {
                full = probe.block().forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(3, 1, 28, 28))), false)
                        .singletonOrThrow().toFloatArray();
            }
            assertArrayEquals(full, a.logits().values(), 0f, "the network's output");
            assertArrayEquals(x, a.node("input").values(), 0f);
            // relu1 = max(0, conv1)
            float[] conv1 = a.node("conv1").values();
            float[] relu1 = a.node("relu1").values();
            for (int i = 0; i < conv1.length; i++) {
                assertEquals(Math.max(0f, conv1[i]), relu1[i], 0f);
            }
            // pool1 = 2×2 max of relu1
            FloatTensor r1 = a.node("relu1");
            FloatTensor p1 = a.node("pool1");
            assertArrayEquals(new int[] {3, 6, 14, 14}, p1.shape());
            for (int n = 0; n < 3; n++) {
                for (int c = 0; c < 6; c++) {
                    float[] in = r1.plane(n, c);
                    float[] out = p1.plane(n, c);
                    for (int y = 0; y < 14; y++) {
                        for (int xx = 0; xx < 14; xx++) {
                            float m = Math.max(Math.max(in[2 * y * 28 + 2 * xx], in[2 * y * 28 + 2 * xx + 1]),
                                    Math.max(in[(2 * y + 1) * 28 + 2 * xx], in[(2 * y + 1) * 28 + 2 * xx + 1]));
                            assertEquals(m, out[y * 14 + xx], 0f);
                        }
                    }
                }
            }
            assertArrayEquals(a.node("pool2").values(), a.node("flatten").values(), 0f);
            // fc3 by hand from relu4 and the copied weights
            List<WeightCopy> w = probe.weights(true);
            FloatTensor fc3w = w.stream().filter(c -> c.node().equals("fc3") && c.name().equals("weight")).findFirst()
                    .orElseThrow().value();
            FloatTensor fc3b = w.stream().filter(c -> c.node().equals("fc3") && c.name().equals("bias")).findFirst()
                    .orElseThrow().value();
            float[] h = a.node("relu4").sample(1);
            float[] logits = a.logits().sample(1);
            for (int k = 0; k < 10; k++) {
                double s = fc3b.values()[k];
                for (int j = 0; j < 84; j++) {
                    s += fc3w.values()[k * 84 + j] * h[j];
                }
                assertEquals(s, logits[k], 1e-4);
            }
            return null;
        });
    }

    @Test
    void weightsAreCopiedAndProbingLeavesTheirGradientsAndTheArrayCountUnchanged() throws Exception {
        float[] x = images(2, 784, 2);
        int before = lenet.liveArrayCount();
        lenet.call((probe, g) -> {
            probe.capture(x, 2);
            g.saliency(x, 3);
            g.smoothGrad(java.util.Arrays.copyOf(x, 784), 3, 5, 0.15f, 1);
            g.nodeGradient(java.util.Arrays.copyOf(x, 784), "conv2", 3);
            g.effectiveReceptiveField(x, 2, "conv2", 0, 4, 4);
            List<WeightCopy> w = probe.weights(true);
            assertEquals(10, w.size(), "weight and bias of conv1, conv2, fc1, fc2, fc3");
            long params = w.stream().mapToLong(c -> c.value().values().length).sum();
            assertEquals(61_706, params, "LeNet's published parameter count");
            for (WeightCopy c : w) {
                assertNotNull(c.gradient(), c.node() + " " + c.name() + " is trainable and has a gradient slot");
                for (float v : c.gradient().values()) {
                    assertEquals(0f, v, c.node() + " " + c.name() + ": probes must not reach the weights' gradients");
                }
            }
            return null;
        });
        assertEquals(before, lenet.liveArrayCount(), "every temporary freed");
    }

    @Test
    void batchNormStatisticsAndDropoutAreUntouchedInInferenceMode() throws Exception {
        Network net = new Network("bn", List.of(
                Node.of("input", new Input(1, 8, 8)),
                Node.of("conv", Conv2d.of(4, 3), "input"),
                Node.of("bn", new BatchNorm(1e-5, 0.1), "conv"),
                Node.of("relu", Activation.relu(), "bn"),
                Node.of("drop", new Dropout(0.5), "relu"),
                Node.of("flat", new Flatten(), "drop"),
                Node.of("fc", Dense.of(3), "flat")));
        try (InspectionModel m = InspectionModel.open(net, 3)) {
            float[] x = images(4, 64, 5);
            m.call((probe, g) -> {
                List<WeightCopy> before = probe.weights(false);
                Activations a1 = probe.capture(x, 4);
                Activations a2 = probe.capture(x, 4);
                assertArrayEquals(a1.logits().values(), a2.logits().values(), 0f, "dropout off: same output twice");
                assertArrayEquals(a1.node("relu").values(), a1.node("drop").values(), 0f, "dropout is the identity");
                List<WeightCopy> after = probe.weights(false);
                boolean sawRunning = false;
                for (int i = 0; i < before.size(); i++) {
                    assertArrayEquals(before.get(i).value().values(), after.get(i).value().values(), 0f,
                            before.get(i).node() + " " + before.get(i).name());
                    sawRunning |= !before.get(i).trainable();
                }
                assertTrue(sawRunning, "batch norm's running statistics are among the copies");
                // running mean 0, variance 1 at initialisation: bn = gamma·conv/sqrt(1+eps) + beta
                float[] conv = a1.node("conv").values();
                float[] bn = a1.node("bn").values();
                for (int i = 0; i < conv.length; i++) {
                    assertEquals(conv[i] / Math.sqrt(1 + 1e-5), bn[i], 1e-5);
                }
                return null;
            });
        }
    }

    @Test
    void aGradientOfSomethingThatDoesNotDependOnTheInputIsRefusedNotZero() throws Exception {
        lenet.call((probe, g) -> {
            float[] x = images(1, 784, 3);
            InputGradients.Result ok = g.saliency(x, 0);
            assertFalse(ok.allZero());
            try {
                g.gradient(x, 1, new Target.Unit("nope", 0, 0, 0));
                throw new AssertionError("unknown block accepted");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("nope"), e.getMessage());
            }
            try {
                g.saliency(x, 10);
                throw new AssertionError("class 10 of 10 accepted");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("10 classes"), e.getMessage());
            }
            return null;
        });
    }

    /**
     * Weights set from copies own their memory: an array made from a Java array can share that array's direct
     * buffer, and handing only its native handle to the parameter left the weight on memory the garbage collector
     * frees (seen as conv1 weights of 900,974.9 in Inspect's live copy). Churn the collector and direct memory,
     * then read the weights back.
     */
    @Test
    void setWeightsKeepsItsOwnCopyWhenTheCollectorRuns() throws Exception {
        try (InspectionModel m = InspectionModel.open(Presets.get("lenet"), 3)) {
            List<WeightCopy> shifted = new java.util.ArrayList<>();
            for (WeightCopy w : m.call((probe, g) -> probe.weights(false))) {
                float[] v = w.value().values().clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] += 0.25f;
                }
                shifted.add(new WeightCopy(w.node(), w.name(), new FloatTensor(w.value().name(), w.value().shape(), v),
                        null, w.trainable()));
            }
            assertEquals(shifted.size(), (int) m.setWeights(shifted).get());
            for (int round = 0; round < 4; round++) {
                System.gc();
                java.util.List<java.nio.ByteBuffer> churn = new java.util.ArrayList<>();
                for (int b = 0; b < 64; b++) {
                    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(1 << 18);
                    while (buf.hasRemaining()) {
                        buf.put((byte) 0x7f);
                    }
                    churn.add(buf);
                }
                List<WeightCopy> now = m.call((probe, g) -> probe.weights(false));
                for (int i = 0; i < now.size(); i++) {
                    assertArrayEquals(shifted.get(i).value().values(), now.get(i).value().values(), 0f,
                            "round " + round + ": " + now.get(i).node() + " " + now.get(i).name());
                }
                churn.clear();
            }
        }
    }
}
