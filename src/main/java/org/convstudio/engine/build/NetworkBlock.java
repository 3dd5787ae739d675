package org.convstudio.engine.build;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;

/**
 * A DJL block that runs a ConvStudio network: one child block per node, evaluated in topological order,
 * so any node's output can also be captured (feature maps for the inspector). Outputs class scores
 * (logits): a final Softmax node is left to the loss and to prediction code.
 */
public final class NetworkBlock extends AbstractBlock {

    private final Network network;
    private final List<String> ids = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private final List<int[]> inputIndex = new ArrayList<>();
    private final org.convstudio.model.Shape inputShape;
    private final int outputSize;
    private WeightInit init;

    private NetworkBlock(Network network, Analysis analysis, WeightInit init) {
        this.network = network;
        this.init = init;
        this.inputShape = analysis.inputShape().orElseThrow();
        this.outputSize = analysis.outputShape().orElseThrow().channels();
        Map<String, Integer> position = new HashMap<>();
        for (String id : analysis.order()) {
            Node node = network.node(id).orElseThrow();
            int[] in = node.inputs().stream().mapToInt(position::get).toArray();
            int inChannels = node.inputs().isEmpty() ? 0
                    : analysis.info(node.inputs().get(0)).orElseThrow().output().channels();
            Block block = LayerBlocks.of(node.layer(), inChannels, id.equals(analysis.outputId()));
            if (!node.trainable()) {
                block.freezeParameters(true); // no gradient: the optimiser skips its parameters
            }
            position.put(id, ids.size());
            ids.add(id);
            blocks.add(addChildBlock(id, block));
            inputIndex.add(in);
        }
    }

    /**
     * Builds the block for a valid network that ends in class scores.
     *
     * @throws IllegalArgumentException with the model's message when the design cannot be trained
     */
    public static NetworkBlock of(Network network) {
        return of(network, WeightInit.PYTORCH);
    }

    /**
     * Builds the block for a valid network, its convolutions and dense layers starting as {@code init} says.
     *
     * @throws IllegalArgumentException with the model's message when the design cannot be trained
     */
    public static NetworkBlock of(Network network, WeightInit init) {
        Analysis a = NetworkAnalyzer.analyze(network);
        a.trainBlocker().ifPresent(msg -> {
            throw new IllegalArgumentException(msg);
        });
        return new NetworkBlock(network, a, init);
    }

    /** How the weights start (or started). */
    public WeightInit weightInit() {
        return init;
    }

    /** Changes how the weights start; takes effect when the block is initialised (not after). */
    public void setWeightInit(WeightInit init) {
        this.init = java.util.Objects.requireNonNull(init);
    }

    public Network network() {
        return network;
    }

    /** The input of one sample as (1, C, H, W) for {@link #initialize}; use any batch size when running. */
    public Shape inputShape(long batch) {
        return new Shape(batch, inputShape.channels(), inputShape.height(), inputShape.width());
    }

    public int classCount() {
        return outputSize;
    }

    /** Node ids in evaluation order. */
    public List<String> nodeIds() {
        return Collections.unmodifiableList(ids);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(run(ps, inputs.singletonOrThrow(), training, params, Set.of(), null).output);
    }

    /**
     * Runs the network and keeps the outputs of the requested nodes (the arrays belong to the input's
     * manager; the caller closes or detaches them).
     */
    public Map<String, NDArray> forwardCapture(ParameterStore ps, NDArray input, boolean training, Set<String> capture) {
        Evaluation e = run(ps, input, training, null, capture, null);
        return e.captured;
    }

    /** Sees (and may replace) each node's output as it is computed; used by probes (e.g. Grad-CAM). */
    @FunctionalInterface
    public interface NodeInterceptor {
        /** Returns the value later nodes should read for {@code nodeId} (usually {@code value} itself). */
        NDArray intercept(String nodeId, NDArray value);
    }

    /**
     * Runs the network, handing every node's output to {@code interceptor}, whose return value is what
     * the following nodes read. Returns the network's output.
     */
    public NDArray forwardIntercept(ParameterStore ps, NDArray input, boolean training, NodeInterceptor interceptor) {
        return run(ps, input, training, null, Set.of(), interceptor).output;
    }

    private Evaluation run(ParameterStore ps, NDArray input, boolean training, PairList<String, Object> params,
                           Set<String> capture, NodeInterceptor interceptor) {
        NDArray[] values = new NDArray[blocks.size()];
        Map<String, NDArray> captured = new LinkedHashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            int[] in = inputIndex.get(i);
            NDList args = new NDList(in.length == 0 ? 1 : in.length);
            if (in.length == 0) {
                args.add(input);
            } else {
                for (int j : in) {
                    args.add(values[j]);
                }
            }
            values[i] = blocks.get(i).forward(ps, args, training, params).singletonOrThrow();
            if (interceptor != null) {
                values[i] = interceptor.intercept(ids.get(i), values[i]);
            }
            if (capture.contains(ids.get(i))) {
                captured.put(ids.get(i), values[i]);
            }
        }
        return new Evaluation(values[values.length - 1], captured);
    }

    private record Evaluation(NDArray output, Map<String, NDArray> captured) {
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = nodeShapes(inputShapes[0]);
        return new Shape[] {shapes[shapes.length - 1]};
    }

    private Shape[] nodeShapes(Shape input) {
        Shape[] shapes = new Shape[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            shapes[i] = blocks.get(i).getOutputShapes(inputsOf(i, shapes, input))[0];
        }
        return shapes;
    }

    private Shape[] inputsOf(int i, Shape[] shapes, Shape input) {
        int[] in = inputIndex.get(i);
        if (in.length == 0) {
            return new Shape[] {input};
        }
        Shape[] s = new Shape[in.length];
        for (int j = 0; j < in.length; j++) {
            s[j] = shapes[in[j]];
        }
        return s;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = new Shape[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            Shape[] in = inputsOf(i, shapes, inputShapes[0]);
            setInitializers(blocks.get(i), in[0]);
            blocks.get(i).initialize(manager, dataType, in);
            shapes[i] = blocks.get(i).getOutputShapes(in)[0];
        }
    }

    /** Convolutions and dense layers start as {@link #init} says (fans as PyTorch computes them). */
    private void setInitializers(Block block, Shape in) {
        if (block instanceof Convolution c) {
            long area = c.getKernelShape().size();
            init.applyTo(block, in.get(1) / c.getGroups() * area, c.getFilters() * area);
        } else if (block instanceof Linear) {
            long fanIn = in.size() / in.get(0);
            init.applyTo(block, fanIn, block.getOutputShapes(new Shape[] {in})[0].get(1));
        } else if (block instanceof TableConv2dBlock t) {
            init.applyTo(block, t.fanIn(), t.fanOut());
        }
    }
}
