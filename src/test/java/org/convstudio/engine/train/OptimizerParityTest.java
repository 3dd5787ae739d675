package org.convstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.convstudio.engine.TorchPeer;
import org.convstudio.engine.bench.Npy;
import org.convstudio.engine.device.Devices;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * ConvStudio's optimiser steps against torch.optim: from the same parameters and the same gradients,
 * three steps of Adam, AdamW, SGD (plain, momentum, Nesterov) and RMSProp give the same weights (max abs
 * difference ≤ 1e-5). One Python process for all cases; skipped with a message without torch.
 */
class OptimizerParityTest {

    static final float TOLERANCE = 1e-5f;
    static final int STEPS = 3;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Shape[] SHAPES = {new Shape(4, 3, 3, 3), new Shape(4), new Shape(5, 8)};

    @TempDir
    Path dir;

    record Case(String name, String torchName, TrainingConfig config) {
    }

    static List<Case> cases() {
        TrainingConfig.Builder b = TrainingConfig.builder();
        return List.of(
                new Case("adam", "adam", TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 0.01).build()),
                new Case("adam_l2", "adam", TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 0.01)
                        .optWeightDecay(0.01).build()),
                new Case("adamw", "adamw", TrainingConfig.builder().setOptimizer(OptimizerKind.ADAMW, 0.01)
                        .optWeightDecay(0.05).build()),
                new Case("sgd", "sgd", TrainingConfig.builder().setOptimizer(OptimizerKind.SGD, 0.1)
                        .optWeightDecay(0.01).build()),
                new Case("sgd_momentum", "sgd", TrainingConfig.builder().setOptimizer(OptimizerKind.SGD, 0.1)
                        .optMomentum(0.9, false).optWeightDecay(0.01).build()),
                new Case("sgd_nesterov", "sgd", TrainingConfig.builder().setOptimizer(OptimizerKind.SGD, 0.1)
                        .optMomentum(0.9, true).optWeightDecay(0.01).build()),
                new Case("rmsprop", "rmsprop", b.setOptimizer(OptimizerKind.RMSPROP, 0.01).optWeightDecay(0.01).build()));
    }

    /** Shows up as a skipped test with its reason when the peer is missing (an aborted factory reports nothing). */
    @Test
    void pyTorchPeerIsAvailable() {
        TorchPeer.assumeAvailable();
    }

    @TestFactory
    Stream<DynamicTest> oneStepOfEachOptimizerMatchesTorchOptim() throws Exception {
        TorchPeer.assumeAvailable();
        ArrayNode manifest = JSON.createArrayNode();
        Map<String, List<float[]>> mine = new LinkedHashMap<>();
        Random rnd = new Random(11);
        try (NDManager m = Devices.engine().newBaseManager(Device.cpu())) {
            for (Case c : cases()) {
                mine.put(c.name(), run(c, m, rnd, manifest));
            }
        }
        JSON.writeValue(dir.resolve("manifest.json").toFile(), manifest);
        TorchPeer.run(TorchPeer.script(getClass(), "/parity/torch_optim.py", dir), dir.toString());
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            List<float[]> got = mine.get(c.name());
            for (int i = 0; i < got.size(); i++) {
                float[] ref = Npy.read(dir.resolve(c.name() + "." + i + ".torch.npy")).data();
                float worst = 0;
                for (int j = 0; j < ref.length; j++) {
                    worst = Math.max(worst, Math.abs(ref[j] - got.get(i)[j]));
                }
                assertTrue(worst <= TOLERANCE, c.name() + " parameter " + i + " after " + STEPS
                        + " steps: max abs difference " + worst + " > " + TOLERANCE);
            }
        }));
    }

    private List<float[]> run(Case c, NDManager m, Random rnd, ArrayNode manifest) throws Exception {
        TrainingConfig k = c.config();
        ObjectNode e = manifest.addObject().put("name", c.name()).put("optimizer", c.torchName())
                .put("lr", k.learningRate()).put("weightDecay", k.weightDecay()).put("beta1", k.beta1())
                .put("beta2", k.beta2()).put("eps", k.epsilon()).put("momentum", k.momentum())
                .put("nesterov", k.nesterov()).put("alpha", k.rmsAlpha());
        ArrayNode files = e.putArray("params");
        List<Parameter> params = new ArrayList<>();
        for (int i = 0; i < SHAPES.length; i++) {
            Parameter p = Parameter.builder().setName("p" + i).setType(Parameter.Type.WEIGHT).optShape(SHAPES[i])
                    .optInitializer(Initializer.ZEROS).build();
            p.initialize(m, DataType.FLOAT32);
            float[] v = random(rnd, (int) SHAPES[i].size());
            p.getArray().set(FloatBuffer.wrap(v));
            String f = c.name() + ".p" + i + ".npy";
            Npy.writeFloats(dir.resolve(f), v, SHAPES[i].getShape());
            files.add(f);
            params.add(p);
        }
        ArrayNode grads = e.putArray("grads");
        Autograd.setEnabled(false);
        try (ParameterUpdater updater = ParameterUpdater.create(k, params, m);
             NDArray one = m.ones(new Shape())) {
            for (int t = 0; t < STEPS; t++) {
                ArrayNode step = grads.addArray();
                List<NDArray> g = new ArrayList<>();
                for (int i = 0; i < SHAPES.length; i++) {
                    float[] v = random(rnd, (int) SHAPES[i].size());
                    String f = c.name() + ".g" + t + "." + i + ".npy";
                    Npy.writeFloats(dir.resolve(f), v, SHAPES[i].getShape());
                    step.add(f);
                    g.add(m.create(v, SHAPES[i]));
                }
                // the gradient of sum(w · G) with respect to w is exactly G
                Autograd.setEnabled(true);
                NDArray loss = null;
                for (int i = 0; i < SHAPES.length; i++) {
                    NDArray term = params.get(i).getArray().mul(g.get(i)).sum();
                    loss = loss == null ? term : loss.add(term);
                }
                Autograd.backward(loss, one);
                Autograd.setEnabled(false);
                updater.step((float) k.learningRate());
            }
        }
        List<float[]> out = new ArrayList<>();
        for (Parameter p : params) {
            out.add(p.getArray().toFloatArray());
        }
        return out;
    }

    private static float[] random(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * rnd.nextFloat() - 1;
        }
        return v;
    }
}
