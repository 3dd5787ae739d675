package org.convstudio.engine.embed;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.device.Devices;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Dense;

/**
 * Runs a trained network (architecture + weights from a run folder) over images and keeps one node's
 * output per image, flattened, together with the network's predicted class.
 */
public final class LayerActivations {

    private static final int BATCH = 256;

    /** Rows of {@code dimensions} floats, one per image; {@code predictions} = arg-max of the class scores. */
    public record Activations(String layerId, float[] rows, int count, int dimensions, int[] predictions) {
    }

    private LayerActivations() {
    }

    /** The default layer to embed: the input of the last Dense block (the network's learned features). */
    public static String defaultLayer(Network net) {
        List<Node> nodes = net.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (n.layer() instanceof Dense && !n.inputs().isEmpty()) {
                return n.inputs().get(0);
            }
        }
        return nodes.get(Math.max(0, nodes.size() - 2)).id();
    }

    /**
     * Loads the run's weights into the network's block and evaluates {@code images} (already normalised as
     * in training). Returns null when cancelled.
     *
     * @throws IOException when the weights cannot be read
     * @throws IllegalArgumentException when {@code layerId} is not a node of the network
     */
    public static Activations compute(Path runFolder, Network net, ImageSet images, String layerId,
                                      BooleanSupplier cancelled) throws IOException {
        NetworkBlock block = NetworkBlock.of(net);
        if (!block.nodeIds().contains(layerId)) {
            throw new IllegalArgumentException("The network has no block \"" + layerId + "\" — choose one of "
                    + String.join(", ", block.nodeIds()));
        }
        try (Model model = Model.newInstance("embed", Devices.ENGINE)) {
            model.setBlock(block);
            try (InputStream in = Files.newInputStream(runFolder.resolve(RunFolder.WEIGHTS))) {
                model.load(in);
            } catch (ai.djl.MalformedModelException e) {
                throw new IOException("unreadable weights in " + runFolder.resolve(RunFolder.WEIGHTS) + ": "
                        + e.getMessage(), e);
            }
            ParameterStore ps = new ParameterStore(model.getNDManager(), false);
            int n = images.size();
            int len = images.imageLength();
            float[] rows = null;
            int dims = 0;
            int[] predictions = new int[n];
            Set<String> capture = Set.of(layerId, block.nodeIds().get(block.nodeIds().size() - 1));
            for (int b0 = 0; b0 < n; b0 += BATCH) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                int bs = Math.min(BATCH, n - b0);
                try (NDManager batch = model.getNDManager().newSubManager()) {
                    float[] px = new float[bs * len];
                    System.arraycopy(images.pixels(), b0 * len, px, 0, bs * len);
                    NDArray x = batch.create(px, new Shape(bs, images.channels(), images.height(), images.width()));
                    Map<String, NDArray> out = block.forwardCapture(ps, x, false, capture);
                    float[] feat = out.get(layerId).toFloatArray();
                    if (rows == null) {
                        dims = feat.length / bs;
                        rows = new float[n * dims];
                    }
                    System.arraycopy(feat, 0, rows, b0 * dims, bs * dims);
                    float[] scores = out.get(block.nodeIds().get(block.nodeIds().size() - 1)).toFloatArray();
                    int classes = scores.length / bs;
                    for (int i = 0; i < bs; i++) {
                        int best = 0;
                        for (int c = 1; c < classes; c++) {
                            if (scores[i * classes + c] > scores[i * classes + best]) {
                                best = c;
                            }
                        }
                        predictions[b0 + i] = best;
                    }
                }
            }
            return new Activations(layerId, rows, n, dims, predictions);
        }
    }
}
