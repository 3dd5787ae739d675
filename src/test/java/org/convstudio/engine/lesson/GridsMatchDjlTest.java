package org.convstudio.engine.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.convstudio.analysis.lesson.ConvolutionLesson;
import org.convstudio.analysis.lesson.Grids;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The convolution lesson's hand-shown arithmetic is what PyTorch's conv2d computes. */
class GridsMatchDjlTest {

    @ParameterizedTest
    @CsvSource({"1,0,1", "2,1,1", "1,1,2", "3,2,1", "2,0,2"})
    void correlateEqualsConv2d(int stride, int pad, int dilation) {
        double[][] x = ConvolutionLesson.TOY_INPUT;
        double[][] k = {{1, -2, 0.5}, {0, 3, 1}, {-1, 0, 2}};
        double[][] ours = Grids.correlate(x, k, stride, pad, dilation);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray in = m.create(x).reshape(1, 1, 7, 7);
            NDArray w = m.create(k).reshape(1, 1, 3, 3);
            NDArray out = Conv2d.conv2d(in, w, null, new Shape(stride, stride), new Shape(pad, pad),
                    new Shape(dilation, dilation), 1).singletonOrThrow();
            long[] shape = out.getShape().getShape();
            assertEquals(ours.length, shape[2]);
            assertEquals(ours[0].length, shape[3]);
            double[] flat = out.toDoubleArray();
            for (int i = 0; i < ours.length; i++) {
                for (int j = 0; j < ours[0].length; j++) {
                    assertEquals(flat[i * ours[0].length + j], ours[i][j], 1e-9, i + "," + j);
                }
            }
        }
    }
}
