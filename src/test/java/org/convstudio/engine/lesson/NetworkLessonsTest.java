package org.convstudio.engine.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convstudio.analysis.lesson.ConvolutionLesson;
import org.convstudio.analysis.lesson.EffectiveField;
import org.convstudio.analysis.lesson.Grids;
import org.convstudio.analysis.lesson.LayerKernel;
import org.convstudio.analysis.lesson.LearnedFilters;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;

/** What the lessons read from a real network agrees with what the network computes. */
class NetworkLessonsTest {

    @Test
    void aLayersKernelAndInputGiveItsRealOutput() throws Exception {
        try (NetworkLessons n = NetworkLessons.design(Presets.get("lenet"))) {
            assertEquals(List.of("conv1", "conv2"), NetworkLessons.convolutions(n.network()));
            assertFalse(n.trained());
            // conv1 reads one channel: correlate + bias is its whole output
            LayerKernel k = n.layer("conv1", 3, 0);
            assertEquals(28, k.input().length);
            assertEquals(5, k.kernel().length);
            assertEquals(2, k.padding());
            assertEquals(1, k.inChannels());
            double[][] mine = Grids.correlate(k.input(), k.kernel(), k.stride(), k.padding(), k.dilation());
            double[][] real = n.outputPlane("conv1", 3);
            assertEquals(real.length, mine.length);
            for (int r = 0; r < real.length; r++) {
                for (int c = 0; c < real[0].length; c++) {
                    assertEquals(real[r][c], mine[r][c] + k.bias(), 1e-4, "(" + r + ", " + c + ")");
                }
            }
            ConvolutionLesson lesson = ConvolutionLesson.ofLayer(k, false);
            assertTrue(lesson.formula().endsWith("floor((28 − 5 + 2×2) / 1) + 1 = 28"), lesson.formula());
            // conv2 reads the pooled maps: 14×14 input, no padding, 6 channels
            LayerKernel k2 = n.layer("conv2", 0, 5);
            assertEquals(14, k2.input().length);
            assertEquals(6, k2.inChannels());
            assertEquals(0, k2.padding());
        }
    }

    @Test
    void firstLayerFiltersAreTheConvolutionsWeights() throws Exception {
        try (NetworkLessons n = NetworkLessons.design(Presets.get("lenet"))) {
            LearnedFilters f = n.filters();
            assertEquals("conv1", f.node());
            assertEquals(6, f.kernels().size());
            LayerKernel k = n.layer("conv1", 4, 0);
            assertEquals(k.kernel()[2][3], f.kernels().get(4)[2][3], 1e-7, "one input channel: the sum is the kernel");
        }
        try (NetworkLessons n = NetworkLessons.design(Presets.get("mlp"))) {
            assertNull(n.filters(), "no convolution, no filters");
            assertTrue(NetworkLessons.spatialLayers(n.network()).isEmpty());
        }
    }

    @Test
    void theEffectiveFieldLiesInsideTheTheoreticalOne() throws Exception {
        try (NetworkLessons n = NetworkLessons.design(Presets.get("lenet"))) {
            List<String> spatial = NetworkLessons.spatialLayers(n.network());
            assertEquals("pool2", spatial.get(spatial.size() - 1));
            EffectiveField deep = n.field("pool2");
            assertEquals(16, deep.size(), "conv 5, pool 2, conv 5 at jump 2, pool 2: 16");
            EffectiveField f = n.field("conv2");
            assertEquals(14, f.size());
            assertEquals(4, f.row());
            assertTrue(f.total() > 0, "a live unit");
            assertEquals(1.0, f.insideTheoretical(), 1e-9, "no pixel outside the theoretical field can move the unit");
            assertTrue(f.effectiveSide() >= 1 && f.effectiveSide() <= 14, "half of it within the field: " + f.effectiveSide());
            assertEquals(NetworkLessons.FIELD_IMAGES, f.images());
        }
    }

    /** Weights copied from another model of the same network (as a live probe copies them) are what the lessons read. */
    @Test
    void weightsOfARunningNetworkReplaceTheOwnOnes() throws Exception {
        List<org.convstudio.engine.probe.WeightCopy> other;
        try (org.convstudio.engine.probe.InspectionModel m = org.convstudio.engine.probe.InspectionModel.open(Presets.get("lenet"), 7)) {
            other = m.call((p, g) -> p.weights(false));
        }
        float[] conv1 = other.stream().filter(w -> w.node().equals("conv1") && w.name().toLowerCase().contains("weight"))
                .findFirst().orElseThrow().value().values();
        try (NetworkLessons n = NetworkLessons.design(Presets.get("lenet"))) {
            assertTrue(Math.abs(n.filters().kernels().get(2)[1][4] - conv1[(2 * 5 + 1) * 5 + 4]) > 1e-6, "another start");
            n.setWeights(other, "the run training now (epoch 3 · step 90)");
            LearnedFilters f = n.filters();
            assertEquals(conv1[(2 * 5 + 1) * 5 + 4], f.kernels().get(2)[1][4], 1e-7);
            assertTrue(f.trained());
            assertEquals("the run training now (epoch 3 · step 90)", f.source());
            // a unit the teacher picks: conv2's corner, whose field is clipped by the image's edge
            EffectiveField corner = n.field("conv2", 0, 9);
            assertEquals(0, corner.row());
            assertEquals(9, corner.col());
            assertEquals(1.0, corner.insideTheoretical(), 1e-9);
            assertEquals(0, corner.top());
            assertEquals(14, corner.size());
            assertTrue(corner.height() < 14, "clipped at the top: " + corner.height());
            assertEquals(4, n.field("conv2", -1, 99).col(), "out of range: the centre");
        }
    }
}
