package org.convstudio.engine.build;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A convolution with a connection table (LeNet-5's C3): only the connected (filter, channel) kernels
 * exist as parameters; they are scattered into a full weight tensor (zeros elsewhere) on every forward
 * pass, so gradients reach exactly the connected weights and the parameter count is the paper's.
 */
final class TableConv2dBlock extends AbstractBlock {

    private final int filters;
    private final int kernelH;
    private final int kernelW;
    private final Shape stride;
    private final Shape padding;
    private final Shape dilation;
    private final List<List<Integer>> table;
    private final int inChannels;
    private final long[] scatter;
    private final long fanIn;
    private final long fanOut;
    private final Parameter weight;
    private final Parameter bias;

    TableConv2dBlock(org.convstudio.model.layer.Conv2d spec, int inChannels) {
        this.filters = spec.filters();
        this.kernelH = spec.kernelH();
        this.kernelW = spec.kernelW();
        var w = spec.window();
        this.stride = new Shape(w.strideH(), w.strideW());
        this.padding = new Shape(w.padTop(), w.padLeft());
        this.dilation = new Shape(w.dilationH(), w.dilationW());
        this.table = spec.connections();
        this.inChannels = inChannels;
        int k = kernelH * kernelW;
        long connected = table.stream().mapToLong(List::size).sum() * k;
        // index into [compact weights..., 0]: full[f][c][i] = compact[...] when connected, else the zero slot
        scatter = new long[filters * inChannels * k];
        java.util.Arrays.fill(scatter, connected);
        long next = 0;
        for (int f = 0; f < filters; f++) {
            for (int c : table.get(f)) {
                for (int i = 0; i < k; i++) {
                    scatter[(f * inChannels + c) * k + i] = next++;
                }
            }
        }
        fanIn = Math.max(1, connected / filters);
        fanOut = Math.max(1, connected / Math.max(1, inChannels));
        float bound = (float) (1 / Math.sqrt(fanIn));
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(connected)).optInitializer(new UniformInitializer(bound)).build());
        bias = spec.bias() ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(filters)).build()) : null;
    }

    /** Connected inputs per filter (channels × kernel area), as PyTorch's fan_in of the dense equivalent. */
    long fanIn() {
        return fanIn;
    }

    /** Connected outputs per input channel × kernel area. */
    long fanOut() {
        return fanOut;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray compact = ps.getValue(weight, x.getDevice(), training);
        NDManager m = x.getManager();
        NDArray padded = compact.concat(m.zeros(new Shape(1), compact.getDataType(), compact.getDevice()));
        NDArray index = m.create(scatter).toDevice(x.getDevice(), false);
        NDArray full = padded.get(index).reshape(filters, inChannels, kernelH, kernelW);
        NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
        return ai.djl.nn.convolutional.Conv2d.conv2d(x, full, b, stride, padding, dilation, 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long h = (in.get(2) + 2 * padding.get(0) - (dilation.get(0) * (kernelH - 1) + 1)) / stride.get(0) + 1;
        long w = (in.get(3) + 2 * padding.get(1) - (dilation.get(1) * (kernelW - 1) + 1)) / stride.get(1) + 1;
        return new Shape[] {new Shape(in.get(0), filters, h, w)};
    }
}
