package org.convstudio.engine.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import org.convstudio.engine.torch.Autograd;

/**
 * Gradients with respect to the input (saliency, SmoothGrad, effective receptive field, activation
 * maximisation) or to one node's output (Grad-CAM), with the parameters frozen: blocks see detached views
 * of the weights, so no parameter gradient is created or changed.
 *
 * <p>The one owner of gradient work in the process. The pitfalls it designs around:
 * <ul>
 *   <li>DJL allows one {@code GradientCollector} per process: it is never used; autograd is switched on the
 *       calling thread with the training code's {@link Autograd} (thread-local in libtorch), and all probe
 *       passes are serialised by one lock;</li>
 *   <li>PyTorch accumulates into an input's gradient across passes: every pass creates a fresh input array;</li>
 *   <li>{@code getGradient()} allocates a new native handle per call: each is closed at once;</li>
 *   <li>{@code getGradient()} silently returns zeros when no gradient reached the array: a target that does
 *       not depend on what is differentiated is refused before the backward pass ({@link NoGradientException}),
 *       and a gradient that is zero everywhere is reported as such ({@link Result#allZero()}).</li>
 * </ul>
 */
public final class InputGradients {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private final Probe probe;

    public InputGradients(Probe probe) {
        this.probe = probe;
    }

    public Probe probe() {
        return probe;
    }

    /** Nothing reaches the array the gradient is taken for. */
    public static final class NoGradientException extends IllegalStateException {
        public NoGradientException(String message) {
            super(message);
        }
    }

    /**
     * A gradient and the target's value.
     *
     * @param gradient same layout as what was differentiated (NCHW images, or the node's output)
     * @param values   the target per sample (e.g. the class score), before the backward pass
     * @param allZero  true when every gradient value is exactly 0 (e.g. a dead ReLU unit)
     */
    public record Result(float[] gradient, float[] values, boolean allZero) {
    }

    /** d target / d input for {@code count} images (NCHW, already normalised). */
    public Result gradient(float[] images, int count, Target target) {
        return pass(images, count, target, null);
    }

    /** Gradient saliency of class {@code cls} for one image. */
    public Result saliency(float[] image, int cls) {
        return gradient(image, 1, new Target.ClassScore(cls));
    }

    /**
     * SmoothGrad (Smilkov et al. 2017): the mean gradient over {@code samples} copies of the image with
     * Gaussian noise of standard deviation {@code sigma} (in input units), in one batched pass.
     */
    public float[] smoothGrad(float[] image, int cls, int samples, float sigma, long seed) {
        int len = probe.inputLength();
        float[] batch = new float[samples * len];
        Random r = new Random(seed);
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < len; i++) {
                batch[s * len + i] = image[i] + (float) (r.nextGaussian() * sigma);
            }
        }
        float[] g = gradient(batch, samples, new Target.ClassScore(cls)).gradient();
        float[] mean = new float[len];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < len; i++) {
                mean[i] += g[s * len + i] / samples;
            }
        }
        return mean;
    }

    /**
     * The output of node {@code node} for one image and the gradient of class {@code cls}'s score with
     * respect to it (holding every other path fixed): what Grad-CAM combines.
     */
    public NodeGradient nodeGradient(float[] image, String node, int cls) {
        float[][] activation = new float[1][];
        int[][] shape = new int[1][];
        Result r = pass(image, 1, new Target.ClassScore(cls), new Substitute(node, activation, shape));
        return new NodeGradient(new FloatTensor(node, shape[0], activation[0]),
                new FloatTensor(node, shape[0], r.gradient()), r.values()[0], r.allZero());
    }

    /**
     * A node's output A and d score / d A.
     *
     * @param score the class score for which the gradient was taken
     */
    public record NodeGradient(FloatTensor activation, FloatTensor gradient, float score, boolean allZero) {
    }

    /**
     * The effective receptive field (Luo et al. 2016) of a unit: |d unit / d input| summed over input
     * channels and averaged over the {@code count} images, as an H×W map of the input.
     */
    public float[] effectiveReceptiveField(float[] images, int count, String node, int channel, int y, int x) {
        float[] g = gradient(images, count, new Target.Unit(node, channel, y, x)).gradient();
        int[] chw = probe.inputShape();
        int hw = chw[1] * chw[2];
        float[] map = new float[hw];
        for (int n = 0; n < count; n++) {
            for (int c = 0; c < chw[0]; c++) {
                int off = (n * chw[0] + c) * hw;
                for (int i = 0; i < hw; i++) {
                    map[i] += Math.abs(g[off + i]) / count;
                }
            }
        }
        return map;
    }

    /** Differentiates with respect to one node's output instead of the input. */
    private record Substitute(String node, float[][] activation, int[][] shape) {
    }

    private Result pass(float[] images, int count, Target target, Substitute substitute) {
        checkTarget(target);
        LOCK.lock();
        boolean grad = Autograd.isEnabled();
        FrozenParameterStore store = probe.store();
        try (NDManager m = probe.parent().newSubManager()) {
            NDArray x = probe.input(m, images, count); // fresh every pass: PyTorch would accumulate into an old one
            NDArray[] leaf = new NDArray[1];
            NDArray[] unit = new NDArray[1];
            if (substitute == null) {
                x.setRequiresGradient(true);
                leaf[0] = x;
            }
            store.freezeInto(m);
            Autograd.setEnabled(true);
            NDArray output = probe.block().forwardIntercept(store, x, false, (id, value) -> {
                NDArray v = value;
                if (substitute != null && id.equals(substitute.node())) {
                    v = value.stopGradient(); // a leaf holding the node's output: d score / d A exactly
                    v.attach(m);
                    v.setRequiresGradient(true);
                    leaf[0] = v;
                }
                if (target instanceof Target.Unit u && id.equals(u.node())) {
                    unit[0] = v;
                } else if (target instanceof Target.ChannelMean c && id.equals(c.node())) {
                    unit[0] = v;
                }
                return v;
            });
            if (leaf[0] == null) {
                throw new IllegalArgumentException("the network has no block named " + substitute.node());
            }
            NDArray perSample = select(target, output, unit[0]);
            NDArray scalar = perSample.sum();
            if (!Autograd.isTracked(scalar)) {
                throw new NoGradientException("the chosen output does not depend on "
                        + (substitute == null ? "the input" : substitute.node()) + ", so it has no gradient");
            }
            float[] values = perSample.toFloatArray();
            Autograd.backward(scalar, m.ones(new Shape(), DataType.FLOAT32));
            Autograd.setEnabled(false);
            float[] g;
            try (NDArray grad0 = leaf[0].getGradient()) { // a new native handle: closed here
                g = grad0.toFloatArray();
            }
            if (substitute != null) {
                substitute.activation()[0] = leaf[0].toFloatArray();
                long[] s = leaf[0].getShape().getShape();
                int[] shape = new int[s.length];
                for (int i = 0; i < s.length; i++) {
                    shape[i] = (int) s[i];
                }
                substitute.shape()[0] = shape;
            }
            boolean zero = true;
            for (float v : g) {
                if (v != 0f) {
                    zero = false;
                    break;
                }
            }
            return new Result(g, values, zero);
        } finally {
            store.freezeInto(null);
            Autograd.setEnabled(grad);
            LOCK.unlock();
        }
    }

    private void checkTarget(Target target) {
        if (target instanceof Target.ClassScore c && (c.cls() < 0 || c.cls() >= probe.classCount())) {
            throw new IllegalArgumentException("class " + c.cls() + " does not exist: the network has "
                    + probe.classCount() + " classes (0 to " + (probe.classCount() - 1) + ")");
        }
        String node = target instanceof Target.Unit u ? u.node() : target instanceof Target.ChannelMean c ? c.node() : null;
        if (node != null && !probe.nodeIds().contains(node)) {
            throw new IllegalArgumentException("the network has no block named " + node);
        }
    }

    /** The target per sample, shape (N). */
    private static NDArray select(Target target, NDArray output, NDArray unitSource) {
        if (target instanceof Target.ClassScore c) {
            return output.get(":, " + c.cls());
        }
        NDArray a = unitSource;
        long[] s = a.getShape().getShape();
        if (target instanceof Target.Unit u) {
            checkIndex(u.node(), "channel", u.channel(), s[1]);
            if (s.length == 4) {
                checkIndex(u.node(), "row", u.y(), s[2]);
                checkIndex(u.node(), "column", u.x(), s[3]);
                return a.get(":, " + u.channel() + ", " + u.y() + ", " + u.x());
            }
            return a.get(":, " + u.channel());
        }
        Target.ChannelMean c = (Target.ChannelMean) target;
        checkIndex(c.node(), "channel", c.channel(), s[1]);
        NDArray ch = a.get(":, " + c.channel());
        return s.length == 4 ? ch.reshape(s[0], -1).mean(new int[] {1}) : ch;
    }

    private static void checkIndex(String node, String what, int i, long size) {
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException(node + " has no " + what + " " + i + " (it has " + size + ", numbered from 0)");
        }
    }
}
