package org.convstudio.engine.build;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * LeNet-5's trainable subsampling: the sum of each window times a learnt coefficient per channel, plus
 * a learnt bias per channel. The coefficient starts at 1/(k·k), i.e. as average pooling.
 */
final class SubsamplingBlock extends AbstractBlock {

    private final int kernel;
    private final int stride;
    private final Parameter coefficient;
    private final Parameter bias;

    SubsamplingBlock(int kernel, int stride) {
        this.kernel = kernel;
        this.stride = stride;
        coefficient = addParameter(Parameter.builder().setName("coefficient").setType(Parameter.Type.WEIGHT)
                .optInitializer(new ConstantInitializer(1f / (kernel * kernel))).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long channels = inputShapes[0].get(1);
        coefficient.setShape(new Shape(channels));
        bias.setShape(new Shape(channels));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long c = x.getShape().get(1);
        NDArray coef = ps.getValue(coefficient, x.getDevice(), training).reshape(1, c, 1, 1);
        NDArray b = ps.getValue(bias, x.getDevice(), training).reshape(1, c, 1, 1);
        NDArray sum = Pool.avgPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride), new Shape(0, 0), false, true)
                .mul(kernel * kernel);
        return new NDList(sum.mul(coef).add(b));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), (in.get(2) - kernel) / stride + 1, (in.get(3) - kernel) / stride + 1)};
    }
}
