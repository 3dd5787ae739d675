package org.convstudio.engine.build;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import org.convstudio.model.layer.Layer;
import org.convstudio.model.layer.LocalResponseNorm;
import org.convstudio.model.layer.Pool2d;
import org.convstudio.model.layer.Window;

/** The DJL block for each kind of layer, with PyTorch's semantics. */
final class LayerBlocks {

    private LayerBlocks() {
    }

    /**
     * @param inChannels channels of the (first) input, needed by layers whose weights depend on it
     * @param isOutput whether this is the network's last node (a final softmax is left to the loss)
     */
    static Block of(Layer layer, int inChannels, boolean isOutput) {
        if (layer instanceof org.convstudio.model.layer.Input) {
            return identity();
        } else if (layer instanceof org.convstudio.model.layer.Conv2d c) {
            if (c.hasConnectionTable()) {
                return new TableConv2dBlock(c, inChannels);
            }
            Window w = c.window();
            return Conv2d.builder().setKernelShape(new Shape(c.kernelH(), c.kernelW())).setFilters(c.filters())
                    .optStride(new Shape(w.strideH(), w.strideW())).optPadding(new Shape(w.padTop(), w.padLeft()))
                    .optDilation(new Shape(w.dilationH(), w.dilationW())).optGroups(c.groups()).optBias(c.bias()).build();
        } else if (layer instanceof Pool2d p) {
            Shape k = new Shape(p.kernelH(), p.kernelW());
            Shape s = new Shape(p.strideH(), p.strideW());
            Shape pad = new Shape(p.padH(), p.padW());
            return switch (p.mode()) {
                case MAX -> Pool.maxPool2dBlock(k, s, pad, false);
                case AVG -> Pool.avgPool2dBlock(k, s, pad, false, true);
                case L2 -> Pool.lpPool2dBlock(2f, k, s, pad, false);
            };
        } else if (layer instanceof org.convstudio.model.layer.Subsampling s) {
            return new SubsamplingBlock(s.kernel(), s.stride());
        } else if (layer instanceof org.convstudio.model.layer.GlobalAvgPool) {
            return Pool.globalAvgPool2dBlock();
        } else if (layer instanceof org.convstudio.model.layer.Activation a) {
            float alpha = (float) a.alpha();
            return switch (a.kind()) {
                case RELU -> Activation.reluBlock();
                case LEAKY_RELU -> Activation.leakyReluBlock(alpha);
                case ELU -> Activation.eluBlock(alpha);
                case GELU -> Activation.geluBlock();
                case SIGMOID -> Activation.sigmoidBlock();
                case TANH -> Activation.tanhBlock();
            };
        } else if (layer instanceof org.convstudio.model.layer.BatchNorm b) {
            // DJL's momentum is the weight of the old running value: PyTorch's momentum is 1 minus it
            return BatchNorm.builder().optEpsilon((float) b.epsilon()).optMomentum((float) (1 - b.momentum())).build();
        } else if (layer instanceof LocalResponseNorm l) {
            return localResponseNorm(l);
        } else if (layer instanceof org.convstudio.model.layer.Dropout d) {
            return Dropout.builder().optRate((float) d.rate()).build();
        } else if (layer instanceof org.convstudio.model.layer.Flatten) {
            return Blocks.batchFlattenBlock();
        } else if (layer instanceof org.convstudio.model.layer.Dense d) {
            return Linear.builder().setUnits(d.units()).optBias(d.bias()).build();
        } else if (layer instanceof org.convstudio.model.layer.Softmax) {
            return isOutput ? identity() : new LambdaBlock(list -> new NDList(list.singletonOrThrow().softmax(1)), "softmax");
        } else if (layer instanceof org.convstudio.model.layer.Add) {
            return new LambdaBlock(list -> {
                NDArray sum = list.get(0);
                for (int i = 1; i < list.size(); i++) {
                    sum = sum.add(list.get(i));
                }
                return new NDList(sum);
            }, "add");
        } else if (layer instanceof org.convstudio.model.layer.Concat) {
            return new LambdaBlock(list -> new NDList(ai.djl.ndarray.NDArrays.concat(list, 1)), "concat"); // channels
        }
        throw new IllegalArgumentException("no DJL block for " + layer.type().id());
    }

    private static Block identity() {
        return new LambdaBlock(list -> list, "identity");
    }

    /** PyTorch's local_response_norm: x / (k + alpha · mean of x² over the size neighbouring channels)^beta. */
    private static Block localResponseNorm(LocalResponseNorm l) {
        int size = l.size();
        return new LambdaBlock(list -> {
            NDArray x = list.singletonOrThrow();
            Shape s = x.getShape();
            NDArray sq = x.square().reshape(s.get(0), 1, s.get(1), s.get(2) * s.get(3));
            NDArray mean = Pool.avgPool2d(sq, new Shape(size, 1), new Shape(1, 1), new Shape(size / 2, 0), false, true)
                    .reshape(s);
            return new NDList(x.div(mean.mul(l.alpha()).add(l.k()).pow(l.beta())));
        }, "lrn");
    }
}
