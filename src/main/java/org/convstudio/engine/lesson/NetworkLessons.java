package org.convstudio.engine.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.convstudio.analysis.lesson.EffectiveField;
import org.convstudio.analysis.lesson.LayerKernel;
import org.convstudio.analysis.lesson.LearnedFilters;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.probe.FloatTensor;
import org.convstudio.engine.probe.InspectionData;
import org.convstudio.engine.probe.InspectionModel;
import org.convstudio.engine.probe.WeightCopy;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.NodeInfo;
import org.convstudio.model.analysis.ReceptiveField;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.LayerType;

/**
 * What the lessons read from a real network: its first convolution's kernels, one convolution's kernel
 * and input for a sample digit, one unit's effective receptive field. The network is a design at its
 * initial weights or a saved run, opened as an {@link InspectionModel} (its own worker thread owns the
 * DJL objects); the sample images are the bundled MNIST sample converted to the network's input.
 */
public final class NetworkLessons implements AutoCloseable {

    /** Images the effective field is averaged over (4 for inputs larger than 64×64×3). */
    public static final int FIELD_IMAGES = 64;

    private final InspectionModel model;
    private final InspectionData data;
    private volatile String source;
    private volatile boolean liveWeights;

    private NetworkLessons(InspectionModel model, String source) throws DatasetException {
        this.model = model;
        this.source = source;
        try {
            Analysis a = NetworkAnalyzer.analyze(model.network());
            var in = a.inputShape().orElseThrow();
            this.data = InspectionData.load(DatasetSpec.mnistSample().toString(), model,
                    new int[] {in.channels(), in.height(), in.width()});
        } catch (DatasetException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * A design at its initialisation (blocks while the engine loads: not on the UI thread).
     *
     * @throws IllegalArgumentException when the design cannot be built
     * @throws DatasetException when the bundled sample cannot be read or converted to its input
     */
    public static NetworkLessons design(Network network) throws DatasetException {
        return new NetworkLessons(InspectionModel.open(network, 42), network.name() + ", initial weights");
    }

    /** A saved run's weights. */
    public static NetworkLessons run(Path folder) throws IOException, DatasetException {
        return new NetworkLessons(InspectionModel.openRun(folder), "run " + folder.getFileName());
    }

    public String source() {
        return source;
    }

    public Network network() {
        return model.network();
    }

    public boolean trained() {
        return model.trained() || liveWeights;
    }

    /**
     * Puts the weights of a network being trained into this model (the copies a live probe took between two
     * steps: {@code ProbeTap}), so that every lesson reads them; the training thread is not involved. The model
     * must have been opened on the same network.
     *
     * @param newSource what the lessons call the network with these weights ("the run training now, epoch 2 · step 37")
     * @throws IllegalArgumentException when the copies do not fit the network (another design)
     */
    public void setWeights(List<WeightCopy> weights, String newSource) throws Exception {
        java.util.Map<String, WeightCopy> byName = new java.util.HashMap<>();
        for (WeightCopy w : weights) {
            byName.put(w.node() + "/" + w.name(), w);
        }
        model.call((p, g) -> {
            List<String> ids = p.block().nodeIds();
            var children = p.block().getChildren();
            for (int i = 0; i < children.size(); i++) {
                for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> param : children.get(i).getValue().getParameters()) {
                    if (!param.getValue().isInitialized()) {
                        continue;
                    }
                    ai.djl.ndarray.NDArray a = param.getValue().getArray();
                    WeightCopy w = byName.get(ids.get(i) + "/" + param.getKey());
                    if (w == null || w.value().values().length != a.size()) {
                        throw new IllegalArgumentException("the weights of " + ids.get(i) + " do not fit the network being "
                                + "trained: it has changed since");
                    }
                    a.set(java.nio.FloatBuffer.wrap(w.value().values()));
                }
            }
            return null;
        });
        source = newSource;
        liveWeights = true;
    }

    /** Convolution blocks, in evaluation order. */
    public static List<String> convolutions(Network n) {
        Analysis a = NetworkAnalyzer.analyze(n);
        return a.order().stream().filter(id -> n.node(id).orElseThrow().layer().type() == LayerType.CONV2D).toList();
    }

    /** Blocks with a spatial output (feature maps) after the input, in evaluation order. */
    public static List<String> spatialLayers(Network n) {
        Analysis a = NetworkAnalyzer.analyze(n);
        List<String> out = new ArrayList<>();
        for (String id : a.order()) {
            Node node = n.node(id).orElseThrow();
            NodeInfo info = a.info(id).orElse(null);
            if (!node.inputs().isEmpty() && info != null && info.output().spatial() && info.output().height() > 1) {
                out.add(id);
            }
        }
        return out;
    }

    /** The first convolution's kernels, summed over their input channels. */
    public LearnedFilters filters() throws Exception {
        List<String> convs = convolutions(model.network());
        if (convs.isEmpty()) {
            return null;
        }
        String node = convs.get(0);
        FloatTensor w = weight(node);
        int out = w.dim(0);
        int in = w.dim(1);
        int kh = w.dim(2);
        int kw = w.dim(3);
        List<double[][]> kernels = new ArrayList<>();
        float[] v = w.values();
        for (int o = 0; o < out; o++) {
            double[][] k = new double[kh][kw];
            for (int c = 0; c < in; c++) {
                for (int r = 0; r < kh; r++) {
                    for (int q = 0; q < kw; q++) {
                        k[r][q] += v[((o * in + c) * kh + r) * kw + q];
                    }
                }
            }
            kernels.add(k);
        }
        return new LearnedFilters(source, node, kernels, trained(), liveWeights);
    }

    private FloatTensor weight(String node) throws Exception {
        return parameter(node, "weight");
    }

    private FloatTensor parameter(String node, String name) throws Exception {
        return model.call((p, g) -> {
            for (WeightCopy c : p.weights(false)) {
                if (c.node().equals(node) && c.name().toLowerCase(java.util.Locale.ROOT).contains(name)) {
                    return c.value();
                }
            }
            return null;
        });
    }

    /**
     * Convolution {@code node}: channel {@code inChannel} of its input for validation image 0 and filter
     * {@code outChannel}'s kernel for that channel.
     */
    public LayerKernel layer(String node, int outChannel, int inChannel) throws Exception {
        Network net = model.network();
        Node n = net.node(node).orElseThrow(() -> new IllegalArgumentException("the network has no block named " + node));
        if (!(n.layer() instanceof Conv2d conv)) {
            throw new IllegalArgumentException(node + " is not a convolution");
        }
        FloatTensor w = weight(node);
        int out = w.dim(0);
        int in = w.dim(1);
        if (outChannel < 0 || outChannel >= out || inChannel < 0 || inChannel >= in) {
            throw new IllegalArgumentException(node + " has filters 0 to " + (out - 1) + " reading channels 0 to " + (in - 1));
        }
        FloatTensor b = conv.bias() ? parameter(node, "bias") : null;
        String pred = n.inputs().get(0);
        float[] image = data.scaled().image(0);
        FloatTensor act = model.call((p, g) -> p.capture(image, 1, Set.of(pred)).node(pred));
        int h = act.height();
        int wd = act.width();
        float[] plane = act.plane(0, Math.min(inChannel, act.channels() - 1));
        double[][] input = new double[h][wd];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < wd; c++) {
                input[r][c] = plane[r * wd + c];
            }
        }
        int kh = w.dim(2);
        int kw = w.dim(3);
        double[][] k = new double[kh][kw];
        for (int r = 0; r < kh; r++) {
            for (int c = 0; c < kw; c++) {
                k[r][c] = w.values()[((outChannel * in + inChannel) * kh + r) * kw + c];
            }
        }
        int eff = conv.dilationH() * (kh - 1) + 1;
        return new LayerKernel(source, node, input, k, b == null ? 0 : b.values()[outChannel], conv.strideH(),
                conv.padding().resolveHeight(eff), conv.dilationH(), inChannel, in, outChannel);
    }

    /** Channel {@code channel} of block {@code node}'s output for validation image 0 (rows of columns). */
    public double[][] outputPlane(String node, int channel) throws Exception {
        float[] image = data.scaled().image(0);
        FloatTensor act = model.call((p, g) -> p.capture(image, 1, Set.of(node)).node(node));
        float[] plane = act.plane(0, channel);
        double[][] out = new double[act.height()][act.width()];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < out[0].length; c++) {
                out[r][c] = plane[r * out[0].length + c];
            }
        }
        return out;
    }

    /**
     * The effective receptive field of the centre unit of {@code node} (the first of its channels whose
     * gradient is not zero everywhere), averaged over {@link #FIELD_IMAGES} validation images.
     */
    public EffectiveField field(String node) throws Exception {
        return field(node, -1, -1);
    }

    /**
     * The same for the unit at ({@code row}, {@code col}) of {@code node}'s output; -1 (or a value past the
     * output's edge) for its centre row or column.
     */
    public EffectiveField field(String node, int row, int col) throws Exception {
        Analysis a = NetworkAnalyzer.analyze(model.network());
        NodeInfo info = a.info(node).orElseThrow(() -> new IllegalArgumentException("the network has no block named " + node));
        int y = row < 0 || row >= info.output().height() ? (info.output().height() - 1) / 2 : row;
        int x = col < 0 || col >= info.output().width() ? (info.output().width() - 1) / 2 : col;
        int count = Math.min(data.scaled().imageLength() > 64 * 64 * 3 ? 4 : FIELD_IMAGES, data.scaled().size());
        float[] images = new float[count * data.scaled().imageLength()];
        System.arraycopy(data.scaled().pixels(), 0, images, 0, images.length);
        int channels = Math.min(8, info.output().channels());
        int[] chw = model.call((p, g) -> p.inputShape());
        float[] map = null;
        int channel = 0;
        for (int c = 0; c < channels; c++) {
            int ch = c;
            float[] m = model.call((p, g) -> g.effectiveReceptiveField(images, count, node, ch, y, x));
            map = m;
            channel = c;
            boolean any = false;
            for (float v : m) {
                if (v != 0f) {
                    any = true;
                    break;
                }
            }
            if (any) {
                break;
            }
        }
        int h = chw[1];
        int w = chw[2];
        double[][] grid = new double[h][w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                grid[r][c] = map[r * w + c];
            }
        }
        ReceptiveField rf = info.receptiveField();
        ReceptiveField.Region region = rf.region(y, x);
        ReceptiveField.Region clipped = region.clip(h, w);
        return new EffectiveField(source, node, channel, y, x, grid, (int) clipped.top(), (int) clipped.left(),
                (int) clipped.height(), (int) clipped.width(), region.height(), count);
    }

    @Override
    public void close() {
        model.close();
    }
}
