package org.convstudio.analysis.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lessons' numbers, from the model code and small-grid arithmetic, against the course's figures. */
class LessonsTest {

    /** A 28×28 black image with a white 10×10 square at rows and columns 9 to 18. */
    static double[][] square() {
        double[][] img = new double[28][28];
        for (int r = 9; r <= 18; r++) {
            for (int c = 9; c <= 18; c++) {
                img[r][c] = 1;
            }
        }
        return img;
    }

    @Test
    void idsInTheCourseOrder() {
        assertEquals(List.of("parameter-explosion", "locality", "backprop", "convolution", "kernels", "pooling",
                "receptive-field", "overfitting", "case-studies"), Lessons.IDS);
        assertEquals(Lessons.IDS, Lessons.catalogue().stream().map(Lessons.Entry::id).toList());
    }

    @Test
    void parameterExplosionOfTheLecture() {
        ParameterExplosionLesson l = new ParameterExplosionLesson();
        Map<String, Object> n = l.numbers();
        assertEquals(40_000L, n.get("inputUnits"));
        assertEquals(40_000_000L, n.get("mlpWeights"), "200×200 image, 1,000 hidden units");
        assertEquals(40_001_000L, n.get("mlpParams"));
        assertEquals(260L, n.get("convParams"), "10 filters of 5×5 plus 10 biases");
        assertEquals(10L * 196 * 196, n.get("convHiddenUnits"));
        ParameterExplosionLesson rgb = new ParameterExplosionLesson(new ParameterExplosionLesson.Setup(3, 32, 32, 100, 6, 5));
        assertEquals(3L * 32 * 32 * 100, rgb.mlpWeights());
        assertEquals(6L * (5 * 5 * 3 + 1), rgb.convParams());
        assertThrows(IllegalArgumentException.class, () -> new ParameterExplosionLesson.Setup(1, 4, 4, 10, 1, 5));
    }

    @Test
    void twoPixelShiftCountsChangedInputs() {
        LocalityLesson l = new LocalityLesson(square(), 2);
        assertEquals(40, l.changedValues(), "two columns of 10 appear, two disappear");
        assertEquals(20, l.numbers().get("blackToWhite"));
        assertEquals(20, l.numbers().get("whiteToBlack"));
        double[][] p = l.permuted();
        double sum = 0;
        for (double[] row : p) {
            for (double v : row) {
                sum += v;
            }
        }
        assertEquals(100, sum, 1e-12, "a permutation keeps every pixel value");
        assertArrayEquals(p[0], l.permuted()[0], "the permutation is fixed");
    }

    @Test
    void convolutionOutputSizesAndWindows() {
        ConvolutionLesson l = new ConvolutionLesson();
        assertEquals("floor((7 − 3 + 2×0) / 1) + 1 = 5", l.formula());
        assertEquals(5, l.output().length);
        assertEquals(5, l.output()[0][0], "1×0 + 0×0 + 1×1 + 0×0 + 1×2 + 0×1 + 1×1 + 0×1 + 1×1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) l.numbers().get("outputSizes");
        assertEquals(List.of(5, 3, 7, 3, 3, 55, 28), cases.stream().map(c -> c.get("output")).toList());
        for (int m = 5; m <= 12; m++) {
            for (int f = 1; f <= 4; f++) {
                for (int p = 0; p <= 2; p++) {
                    for (int s = 1; s <= 3; s++) {
                        for (int d = 1; d <= 2; d++) {
                            if (Grids.outputSize(m, f, p, s, d) >= 1) {
                                assertEquals(Grids.outputSize(m, f, p, s, d), ConvolutionLesson.modelOutputSize(m, f, p, s, d),
                                        "M=" + m + " F=" + f + " P=" + p + " S=" + s + " D=" + d);
                            }
                        }
                    }
                }
            }
        }
        ConvolutionLesson padded = new ConvolutionLesson(ConvolutionLesson.TOY_INPUT, ConvolutionLesson.TOY_KERNEL, 2, 1, 1, false);
        assertEquals(4, padded.output().length, "floor((7 − 3 + 2) / 2) + 1");
        assertEquals(0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 2, padded.output()[0][0], "only the 2 at (1,1) meets the kernel's corner");
    }

    @Test
    void convolutionFlipsTheKernel() {
        double[][] cc = Grids.correlate(ConvolutionLesson.TOY_INPUT, ConvolutionLesson.COURSE_KERNEL, 1, 0, 1);
        double[][] conv = Grids.convolve(ConvolutionLesson.TOY_INPUT, ConvolutionLesson.COURSE_KERNEL, 1, 0, 1);
        assertArrayEquals(new double[] {4, 0, 0}, Grids.flip(ConvolutionLesson.COURSE_KERNEL)[0]);
        assertArrayEquals(new double[] {0, 0, -4}, Grids.flip(ConvolutionLesson.COURSE_KERNEL)[2]);
        for (int i = 0; i < cc.length; i++) {
            for (int j = 0; j < cc[0].length; j++) {
                assertEquals(-cc[i][j], conv[i][j], 1e-12, "this kernel flipped is its negative");
            }
        }
        assertNotEquals(0, Grids.max(cc));
    }

    @Test
    void kernelsOnKnownImages() {
        KernelsLesson l = new KernelsLesson(square(), null);
        assertArrayEquals(square()[12], l.apply(KernelsLesson.kernel("identity"))[12], 1e-12);
        double[][] lap = l.apply(KernelsLesson.kernel("laplacian"));
        assertEquals(0, lap[13][13], 1e-12, "flat inside the square");
        assertEquals(-1, lap[13][9], 1e-12, "one neighbour outside on the left edge");
        double[][] sx = l.apply(KernelsLesson.kernel("sobel-x"));
        assertEquals(1, sx[13][8], 1e-12, "dark to bright going right");
        assertEquals(-1, sx[13][19], 1e-12, "bright to dark going right");
        assertEquals(0, l.apply(KernelsLesson.kernel("sobel-y"))[13][8], 1e-12);
        assertEquals(1, l.gradientMagnitude()[13][8], 1e-12);
        assertEquals(1, l.apply(KernelsLesson.kernel("box-blur"))[13][13], 1e-12);
        assertEquals(1, l.apply(KernelsLesson.kernel("sharpen"))[13][13], 1e-12);
        assertEquals(9, l.steps().size(), "eight kernels and the gradient magnitude");
        KernelsLesson.Kernel mine = new KernelsLesson.Kernel("mine", "Mine", new double[][] {{2}}, "doubles every pixel");
        assertEquals(10, new KernelsLesson(square(), mine).steps().size(), "a typed kernel adds a step");
        assertEquals(2, new KernelsLesson(square(), mine).apply(mine)[12][12], 1e-12);
    }

    @Test
    void typedKernels() {
        KernelsLesson.Kernel k = KernelsLesson.parse(" 0 -1 0; -1, 5, -1\n0 -1 0 ");
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(KernelsLesson.kernel("sharpen").values()[r], k.values()[r], 1e-12);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelsLesson.parse("1 2; 3 4")).getMessage()
                .contains("odd size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelsLesson.parse("1 2 3; 4 5; 6 7 8")).getMessage()
                .contains("needs 3 values"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelsLesson.parse("1 x 3; 4 5 6; 7 8 9")).getMessage()
                .contains("'x' in your kernel is not a number"));
    }

    @Test
    void poolingTheCourseExample() {
        PoolingLesson l = new PoolingLesson();
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) l.numbers().get("centre");
        assertEquals(15.0, c.get("max"));
        assertEquals(26.0 / 9, (Double) c.get("avg"), 1e-12);
        assertEquals(Math.sqrt(420), (Double) c.get("l2"), 1e-12);
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                assertEquals(15, l.pooledAfterShift(Grids.Pool.MAX, dx, dy), "move " + dx + "," + dy);
            }
        }
        assertEquals(2.0 / 3, l.pooledAfterShift(Grids.Pool.AVG, 0, 1), 1e-12, "rows 0-2, cols 1-3");
        assertArrayEquals(new double[] {15, 7}, PoolingLesson.edgeCase(), "the course: max = 7 once the 15 leaves");
    }

    @Test
    void receptiveFieldGrows() {
        ReceptiveFieldLesson l = new ReceptiveFieldLesson();
        assertEquals(3, l.size(1));
        assertEquals(5, l.size(2), "two 3×3 layers see 5×5");
        assertEquals(7, l.size(3));
        ReceptiveFieldLesson pooled = new ReceptiveFieldLesson(16, List.of(new ReceptiveFieldLesson.Stage(false, 3, 1),
                new ReceptiveFieldLesson.Stage(true, 2, 2), new ReceptiveFieldLesson.Stage(false, 3, 1)));
        assertEquals(8, pooled.size(3), "after a stride-2 pool a 3×3 layer adds 2×2 pixels");
        assertThrows(IllegalArgumentException.class, () -> new ReceptiveFieldLesson(4, List.of(
                new ReceptiveFieldLesson.Stage(false, 3, 1), new ReceptiveFieldLesson.Stage(false, 3, 1),
                new ReceptiveFieldLesson.Stage(false, 3, 1))));
    }

    @Test
    void caseStudiesCountedByTheModel() {
        Map<String, Object> n = new CaseStudiesLesson().numbers();
        @SuppressWarnings("unchecked")
        Map<String, Object> alex = (Map<String, Object>) n.get("alexnet");
        assertEquals(34_944L, alex.get("conv1Params"), "(11·11·3 + 1) · 96");
        assertEquals(List.of(96, 55, 55), alex.get("conv1Output"));
        assertEquals(60_965_224L, alex.get("totalParams"));
        assertEquals(37_752_832L, alex.get("fc6Params"), "9216 · 4096 + 4096");
        assertEquals(58_631_144L, alex.get("denseParams"));
        @SuppressWarnings("unchecked")
        Map<String, Object> lenet = (Map<String, Object>) n.get("lenet5");
        assertEquals(1_516L, lenet.get("c3Params"));
        assertEquals(60, lenet.get("c3Connections"), "6·3 + 9·4 + 6");
        @SuppressWarnings("unchecked")
        Map<String, Object> res = (Map<String, Object>) n.get("resnet18");
        assertEquals(8L, res.get("shortcuts"));
        assertEquals(3L, res.get("projectionShortcuts"));
        @SuppressWarnings("unchecked")
        Map<String, Object> g = (Map<String, Object>) n.get("googlenet");
        assertEquals(6_998_552L, g.get("totalParams"));
    }

    @Test
    void badInputGetsAPlainMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConvolutionLesson(ConvolutionLesson.TOY_INPUT, new double[9][9], 1, 0, 1, false));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BackpropProblem.courseExample().withRate(0));
        assertFalse(new OverfittingLesson().steps().isEmpty());
    }
}
