package org.convstudio.engine.lesson;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import org.convstudio.analysis.lesson.BackpropProblem;
import org.convstudio.analysis.lesson.BackpropSolver;
import org.convstudio.analysis.lesson.BackpropTrace;

/**
 * One training step of the lesson's 2-2-2-1 sigmoid network with PyTorch autograd, in double precision.
 * The deltas are read from autograd too: each layer adds a zero "probe" bias whose gradient is the
 * gradient of the loss with respect to that layer's weighted sums, so Δ = −gradient.
 */
public final class AutogradBackprop implements BackpropSolver {

    private static final Object LOCK = new Object();

    @Override
    public BackpropTrace solve(BackpropProblem p) {
        // DJL allows one gradient collector at a time per process
        synchronized (LOCK) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = m.create(p.x()).reshape(2, 1);
                NDArray w1 = param(m.create(p.w1()));
                NDArray w2 = param(m.create(p.w2()));
                NDArray w3 = param(m.create(p.w3()).reshape(1, 2));
                NDArray b1 = param(m.zeros(new Shape(2, 1), DataType.FLOAT64));
                NDArray b2 = param(m.zeros(new Shape(2, 1), DataType.FLOAT64));
                NDArray b3 = param(m.zeros(new Shape(1, 1), DataType.FLOAT64));
                double y = p.target();
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray in1 = w1.matMul(x).add(b1);
                    NDArray a1 = Activation.sigmoid(in1);
                    NDArray in2 = w2.matMul(a1).add(b2);
                    NDArray a2 = Activation.sigmoid(in2);
                    NDArray in3 = w3.matMul(a2).add(b3);
                    NDArray out = Activation.sigmoid(in3);
                    // binary cross-entropy: its gradient at the output's weighted sum is (output − target)
                    NDArray loss = out.log().mul(-y).sub(out.neg().add(1).log().mul(1 - y)).sum();
                    gc.backward(loss);
                    double rate = p.rate();
                    double[][] w1After = matrix(w1.sub(w1.getGradient().mul(rate)));
                    double[][] w2After = matrix(w2.sub(w2.getGradient().mul(rate)));
                    double[] w3After = w3.sub(w3.getGradient().mul(rate)).toDoubleArray();
                    NDArray a1After = Activation.sigmoid(m.create(w1After).matMul(x));
                    NDArray a2After = Activation.sigmoid(m.create(w2After).matMul(a1After));
                    NDArray outAfter = Activation.sigmoid(m.create(w3After).reshape(1, 2).matMul(a2After));
                    return new BackpropTrace(in1.toDoubleArray(), a1.toDoubleArray(), in2.toDoubleArray(),
                            a2.toDoubleArray(), in3.getDouble(0, 0), out.getDouble(0, 0), loss.getDouble(),
                            b1.getGradient().neg().toDoubleArray(), b2.getGradient().neg().toDoubleArray(),
                            -b3.getGradient().getDouble(0, 0), w1After, w2After, w3After, a1After.toDoubleArray(), outAfter.getDouble(0, 0));
                }
            }
        }
    }

    private static NDArray param(NDArray a) {
        a.setRequiresGradient(true);
        return a;
    }

    private static double[][] matrix(NDArray a) {
        double[] flat = a.toDoubleArray();
        int rows = (int) a.getShape().get(0);
        int cols = (int) a.getShape().get(1);
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, out[i], 0, cols);
        }
        return out;
    }
}
