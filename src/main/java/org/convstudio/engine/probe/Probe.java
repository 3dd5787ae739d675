package org.convstudio.engine.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.torch.Autograd;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;

/**
 * Looks inside an initialised {@link NetworkBlock}: the output of every node for chosen inputs, in
 * inference mode (batch-norm running statistics used and left unchanged, dropout off), and copies of every
 * parameter. Results are plain Java arrays; every native temporary is created in a sub-manager of
 * {@code parent} and freed before the call returns.
 *
 * <p>Not thread-safe: use it on the thread that owns the model (an {@link InspectionModel}'s worker, or
 * the training thread between steps).
 */
public final class Probe {

    private final NetworkBlock block;
    private final NDManager parent;
    private final FrozenParameterStore store;
    private final Analysis analysis;
    private final int[] chw;

    /**
     * @param block  an initialised (or loaded) network block
     * @param parent the manager its parameters live in (temporaries go into sub-managers of it)
     */
    public Probe(NetworkBlock block, NDManager parent) {
        this.block = block;
        this.parent = parent;
        this.store = new FrozenParameterStore(parent);
        this.analysis = NetworkAnalyzer.analyze(block.network());
        Shape s = block.inputShape(1);
        this.chw = new int[] {(int) s.get(1), (int) s.get(2), (int) s.get(3)};
    }

    public NetworkBlock block() {
        return block;
    }

    public Analysis analysis() {
        return analysis;
    }

    /** Input shape of one sample: channels, height, width. */
    public int[] inputShape() {
        return chw.clone();
    }

    public int inputLength() {
        return chw[0] * chw[1] * chw[2];
    }

    public int classCount() {
        return block.classCount();
    }

    /** Node ids in evaluation order. */
    public List<String> nodeIds() {
        return block.nodeIds();
    }

    public String outputId() {
        List<String> ids = block.nodeIds();
        return ids.get(ids.size() - 1);
    }

    NDManager parent() {
        return parent;
    }

    FrozenParameterStore store() {
        return store;
    }

    /** A fresh (N, C, H, W) array in {@code m} holding {@code count} images. */
    NDArray input(NDManager m, float[] images, int count) {
        if (count < 1 || images.length < count * inputLength()) {
            throw new IllegalArgumentException("need " + count + " images of " + inputLength() + " values, got "
                    + images.length + " values");
        }
        float[] exact = images.length == count * inputLength() ? images
                : java.util.Arrays.copyOf(images, count * inputLength());
        return m.create(exact, new Shape(count, chw[0], chw[1], chw[2]));
    }

    /** Every node's output for {@code count} images given as NCHW floats (already normalised). */
    public Activations capture(float[] images, int count) {
        return capture(images, count, new HashSet<>(block.nodeIds()));
    }

    /** The outputs of the given nodes (the network's output is always included). */
    public Activations capture(float[] images, int count, Set<String> nodes) {
        Set<String> wanted = new HashSet<>(nodes);
        wanted.add(outputId());
        boolean grad = Autograd.isEnabled();
        Autograd.setEnabled(false);
        try (NDManager m = parent.newSubManager()) {
            NDArray x = input(m, images, count);
            Map<String, NDArray> captured = block.forwardCapture(store, x, false, wanted);
            Map<String, FloatTensor> out = new LinkedHashMap<>();
            for (String id : block.nodeIds()) {
                NDArray a = captured.get(id);
                if (a != null) {
                    out.put(id, copy(id, a));
                }
            }
            return new Activations(out, outputId());
        } finally {
            Autograd.setEnabled(grad);
        }
    }

    /** Class scores (logits) of {@code count} images as a row-major float[count × classes]. */
    public float[] logits(float[] images, int count) {
        return capture(images, count, Set.of()).logits().values();
    }

    /**
     * Copies of every parameter, block by block in evaluation order. Gradients are copied when the
     * parameter has one attached (a model being trained); a model loaded for inspection has none.
     */
    public List<WeightCopy> weights(boolean withGradients) {
        List<WeightCopy> out = new ArrayList<>();
        List<String> ids = block.nodeIds();
        var children = block.getChildren();
        for (int i = 0; i < children.size(); i++) {
            Block child = children.get(i).getValue();
            for (Pair<String, Parameter> p : child.getParameters()) {
                Parameter param = p.getValue();
                if (!param.isInitialized()) {
                    continue;
                }
                NDArray a = param.getArray();
                FloatTensor value = copy(p.getKey(), a);
                FloatTensor gradient = null;
                if (withGradients && a.hasGradient()) {
                    try (NDArray g = a.getGradient()) { // a new native handle per call: closed here
                        gradient = copy(p.getKey(), g);
                    }
                }
                out.add(new WeightCopy(ids.get(i), p.getKey(), value, gradient, param.requiresGradient()));
            }
        }
        return out;
    }

    /**
     * Replaces the parameters' values with {@code copies} (as {@link #weights} made them, e.g. a live run's
     * latest probe round), matched by block and parameter name; a copy whose shape differs from the
     * parameter's is refused, parameters without a copy keep their values.
     *
     * @return how many parameters were replaced
     * @throws IllegalArgumentException when a copy does not fit its parameter (another network)
     */
    public int setWeights(List<WeightCopy> copies) {
        Map<String, WeightCopy> byKey = new LinkedHashMap<>();
        for (WeightCopy c : copies) {
            byKey.put(c.node() + "/" + c.name(), c);
        }
        List<String> ids = block.nodeIds();
        var children = block.getChildren();
        int replaced = 0;
        for (int i = 0; i < children.size(); i++) {
            for (Pair<String, Parameter> p : children.get(i).getValue().getParameters()) {
                WeightCopy c = byKey.get(ids.get(i) + "/" + p.getKey());
                Parameter param = p.getValue();
                if (c == null || !param.isInitialized()) {
                    continue;
                }
                NDArray a = param.getArray();
                long[] shape = a.getShape().getShape();
                int[] given = c.value().shape();
                boolean fits = shape.length == given.length;
                for (int d = 0; fits && d < shape.length; d++) {
                    fits = shape[d] == given[d];
                }
                if (!fits) {
                    throw new IllegalArgumentException("the weights of " + ids.get(i) + " (" + p.getKey() + ") have shape "
                            + java.util.Arrays.toString(given) + " but the network expects " + a.getShape());
                }
                boolean grad = a.hasGradient();
                try (NDArray fresh = a.getManager().create(c.value().values(), a.getShape())) {
                    // duplicate(): libtorch-owned memory. An array made from a Java array may share that array's
                    // direct buffer, which intern() does not carry over: the buffer could be freed under the weight.
                    a.intern(a.getDataType() == fresh.getDataType() ? fresh.duplicate() : fresh.toType(a.getDataType(), true));
                }
                if (grad) {
                    a.setRequiresGradient(true);
                }
                replaced++;
            }
        }
        return replaced;
    }

    static FloatTensor copy(String name, NDArray a) {
        long[] s = a.getShape().getShape();
        int[] shape = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            shape[i] = Math.toIntExact(s[i]);
        }
        float[] v = a.getDataType() == ai.djl.ndarray.types.DataType.FLOAT32 ? a.toFloatArray()
                : toFloat(a);
        return new FloatTensor(name, shape, v);
    }

    private static float[] toFloat(NDArray a) {
        try (NDArray f = a.toType(ai.djl.ndarray.types.DataType.FLOAT32, true)) {
            return f.toFloatArray();
        }
    }
}
