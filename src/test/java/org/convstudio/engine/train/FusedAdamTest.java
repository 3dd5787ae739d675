package org.convstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.convstudio.engine.device.Devices;
import org.convstudio.engine.torch.Autograd;
import org.convstudio.engine.torch.NativeViews;
import org.junit.jupiter.api.Test;

/**
 * The one-pass Adam works on the tensors' own memory, gives the weights of PyTorch's formula computed in
 * doubles, also on a parameter large enough to be split between threads, and zeroes the gradients. Its agreement with torch.optim is {@link OptimizerParityTest}'s.
 */
class FusedAdamTest {

    @Test
    void viewsAreTheTensorsOwnMemoryAndOnlyForDenseContiguousFloatTensors() {
        try (NDManager m = Devices.engine().newBaseManager()) {
            NDArray a = m.arange(12f).reshape(3, 4);
            FloatBuffer v = NativeViews.floats(a);
            assertNotNull(v, "a dense float tensor on the CPU has a view");
            assertEquals(12, v.capacity());
            assertEquals(7f, v.get(7));
            v.put(7, -1f);
            assertEquals(-1f, a.getFloat(1, 3), "writes reach the tensor");
            assertNull(NativeViews.floats(a.transpose()), "a transposed (strided) view has none");
            assertNull(NativeViews.floats(a.toType(DataType.INT32, false)), "nor an integer tensor");
        }
    }

    @Test
    void threeStepsEqualPyTorchsFormulaComputedInDoubles() {
        for (OptimizerKind kind : List.of(OptimizerKind.ADAM, OptimizerKind.ADAMW)) {
            TrainingConfig c = TrainingConfig.builder().setOptimizer(kind, 0.01).optWeightDecay(0.02).build();
            Trace fused = run(c, true);
            List<double[]> expected = reference(c, fused);
            for (int i = 0; i < expected.size(); i++) {
                double worst = 0;
                for (int k = 0; k < expected.get(i).length; k++) {
                    worst = Math.max(worst, Math.abs(fused.weights().get(i)[k] - expected.get(i)[k]));
                }
                assertTrue(worst <= 1e-5, kind + " parameter " + i + ": max difference " + worst);
            }
            Trace djl = run(c, false); // DJL's native update, for comparison: ε sits elsewhere there
            assertEquals(fused.weights().size(), djl.weights().size());
        }
    }

    /** torch.optim.Adam / AdamW's single-tensor arithmetic in doubles, from the run's start and gradients. */
    private static List<double[]> reference(TrainingConfig c, Trace t) {
        boolean decoupled = c.optimizer() == OptimizerKind.ADAMW;
        double lr = c.learningRate();
        double wd = c.weightDecay();
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < t.start().size(); i++) {
            float[] w0 = t.start().get(i);
            double[] w = new double[w0.length];
            double[] m = new double[w0.length];
            double[] v = new double[w0.length];
            for (int k = 0; k < w.length; k++) {
                w[k] = w0[k];
            }
            for (int step = 1; step <= t.gradients().size(); step++) {
                float[] g0 = t.gradients().get(step - 1).get(i);
                double bc1 = 1 - Math.pow(c.beta1(), step);
                double bc2 = Math.sqrt(1 - Math.pow(c.beta2(), step));
                for (int k = 0; k < w.length; k++) {
                    if (decoupled) {
                        w[k] *= 1 - lr * wd;
                    }
                    double g = g0[k] + (decoupled ? 0 : wd * w[k]);
                    m[k] = c.beta1() * m[k] + (1 - c.beta1()) * g;
                    v[k] = c.beta2() * v[k] + (1 - c.beta2()) * g * g;
                    w[k] -= lr / bc1 * m[k] / (Math.sqrt(v[k]) / bc2 + c.epsilon());
                }
            }
            out.add(w);
        }
        return out;
    }

    /** The starting weights, each step's gradients and the final weights of a run. */
    private record Trace(List<float[]> start, List<List<float[]>> gradients, List<float[]> weights) {
    }

    /** Three steps on a large and two small parameters; returns the weights and checks the gradients were zeroed. */
    private static Trace run(TrainingConfig c, boolean onePass) {
        String before = System.getProperty("convstudio.fusedAdam");
        System.setProperty("convstudio.fusedAdam", Boolean.toString(onePass));
        Shape[] shapes = {new Shape(600, 1000), new Shape(64, 3, 3, 3), new Shape(10)};
        Random rnd = new Random(7);
        try (NDManager m = Devices.engine().newBaseManager()) {
            List<Parameter> params = new ArrayList<>();
            List<float[]> start = new ArrayList<>();
            List<List<float[]>> gradients = new ArrayList<>();
            for (int i = 0; i < shapes.length; i++) {
                Parameter p = Parameter.builder().setName("p" + i).setType(Parameter.Type.WEIGHT)
                        .optShape(shapes[i]).optInitializer(Initializer.ZEROS).build();
                p.initialize(m, DataType.FLOAT32);
                float[] w0 = random(rnd, (int) shapes[i].size());
                start.add(w0);
                p.getArray().set(FloatBuffer.wrap(w0));
                params.add(p);
            }
            Autograd.setEnabled(false);
            try (ParameterUpdater u = ParameterUpdater.create(c, params, m); NDArray one = m.ones(new Shape())) {
                for (int t = 0; t < 3; t++) {
                    Autograd.setEnabled(true);
                    NDArray loss = null;
                    List<float[]> step = new ArrayList<>();
                    gradients.add(step);
                    for (int i = 0; i < shapes.length; i++) {
                        float[] gv = random(rnd, (int) shapes[i].size());
                        step.add(gv);
                        NDArray g = m.create(gv, shapes[i]);
                        NDArray term = params.get(i).getArray().mul(g).sum();
                        loss = loss == null ? term : loss.add(term);
                    }
                    Autograd.backward(loss, one);
                    Autograd.setEnabled(false);
                    u.step((float) c.learningRate());
                    for (Parameter p : params) {
                        try (NDArray g = p.getArray().getGradient()) {
                            assertEquals(0f, g.abs().max().getFloat(), "gradients are zeroed after the step");
                        }
                    }
                }
            }
            List<float[]> out = new ArrayList<>();
            for (Parameter p : params) {
                out.add(p.getArray().toFloatArray());
            }
            return new Trace(start, gradients, out);
        } finally {
            if (before == null) {
                System.clearProperty("convstudio.fusedAdam");
            } else {
                System.setProperty("convstudio.fusedAdam", before);
            }
        }
    }

    private static float[] random(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * rnd.nextFloat() - 1;
        }
        return v;
    }
}
