package org.convstudio.engine.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convstudio.analysis.image.ErfClosedForm;
import org.convstudio.analysis.image.GradCam;
import org.convstudio.analysis.image.ReceptiveFieldRect;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Add;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.layer.Flatten;
import org.convstudio.model.layer.Input;
import org.convstudio.model.analysis.ReceptiveField;
import org.junit.jupiter.api.Test;

/** Gradients through real networks against closed forms and hand computations. */
class GradientProbesTest {

    private static final float[] BINOMIAL = {1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f};

    @Test
    void effectiveReceptiveFieldOfStackedBinomialConvolutionsIsTheClosedForm() throws Exception {
        int layers = 4;
        int side = 2 * layers + 1;
        var nodes = new java.util.ArrayList<Node>();
        nodes.add(Node.of("input", new Input(1, side, side)));
        String prev = "input";
        for (int i = 1; i <= layers; i++) {
            nodes.add(Node.of("c" + i, Conv2d.of(1, 3).withBias(false), prev));
            prev = "c" + i;
        }
        nodes.add(Node.of("flat", new Flatten(), prev));
        nodes.add(Node.of("fc", Dense.of(2), "flat"));
        try (InspectionModel m = InspectionModel.open(new Network("stack", nodes), 1)) {
            float[] erf = m.call((probe, g) -> {
                for (int i = 1; i <= layers; i++) {
                    ProbeNets.set(probe, "c" + i, "weight", BINOMIAL);
                }
                float[] x = new float[side * side];
                java.util.Arrays.fill(x, 0.3f);
                return g.effectiveReceptiveField(x, 1, "c" + layers, 0, 0, 0);
            });
            double[] expected = ErfClosedForm.binomialStack(layers);
            assertEquals(expected.length, erf.length);
            for (int i = 0; i < erf.length; i++) {
                assertEquals(expected[i], erf[i], 1e-6, "pixel " + i);
            }
            assertEquals(70 * 70 / Math.pow(16, 4), erf[4 * side + 4], 1e-7, "centre: C(8,4)² / 16⁴");
        }
    }

    @Test
    void gradCamOfATinyNetworkMatchesTheHandComputation() throws Exception {
        // A (2×2×2) = 1×1 conv with weights +1 and -1 of a 2×2 image; class scores = dense on flatten(A)
        Network net = new Network("tiny", List.of(
                Node.of("input", new Input(1, 2, 2)),
                Node.of("a", Conv2d.of(2, 1).withBias(false), "input"),
                Node.of("flat", new Flatten(), "a"),
                Node.of("fc", Dense.of(2), "flat")));
        try (InspectionModel m = InspectionModel.open(net, 1)) {
            InputGradients.NodeGradient ng = m.call((probe, g) -> {
                ProbeNets.set(probe, "a", "weight", 1f, -1f);
                ProbeNets.set(probe, "fc", "weight", 1, 1, 1, 1, 0.5f, 0.5f, 0.5f, 0.5f, -1, 0, 0, 0, 2, 2, 2, 2);
                ProbeNets.set(probe, "fc", "bias", 0f, 0f);
                return g.nodeGradient(new float[] {1, 2, 3, 4}, "a", 0);
            });
            assertArrayEquals(new float[] {1, 2, 3, 4, -1, -2, -3, -4}, ng.activation().values(), 0f);
            assertArrayEquals(new float[] {1, 1, 1, 1, 0.5f, 0.5f, 0.5f, 0.5f}, ng.gradient().values(), 0f);
            assertEquals(10 - 5, ng.score(), 1e-6, "score = Σx − ½Σx");
            GradCam.Result cam = GradCam.combine(ng.activation().values(), ng.gradient().values(), 2, 2, 2);
            assertArrayEquals(new float[] {1f, 0.5f}, cam.weights(), 1e-7f);
            // ReLU(1·x + 0.5·(−x)) = x / 2
            assertArrayEquals(new float[] {0.5f, 1f, 1.5f, 2f}, cam.map(), 1e-6f);

            InputGradients.NodeGradient other = m.call((probe, g) -> g.nodeGradient(new float[] {1, 2, 3, 4}, "a", 1));
            GradCam.Result cam1 = GradCam.combine(other.activation().values(), other.gradient().values(), 2, 2, 2);
            assertArrayEquals(new float[] {-0.25f, 2f}, cam1.weights(), 1e-7f);
            assertArrayEquals(new float[] {0, 0, 0, 0}, cam1.map(), 0f, "ReLU(−2.25·x) = 0 for positive x");
        }
    }

    /**
     * The input pixels a unit's gradient reaches (all weights positive, so no cancellation) form exactly
     * the receptive-field rectangle the model computes, clipped to the image, at the border and the centre
     * of a residual design.
     */
    @Test
    void gradientSupportOfUnitsInAResidualDesignIsTheModelsRectangle() throws Exception {
        Network net = new Network("res", List.of(
                Node.of("input", new Input(1, 12, 12)),
                Node.of("c1", Conv2d.of(1, 3).withPadding(1).withBias(false), "input"),
                Node.of("c2", Conv2d.of(1, 3).withPadding(1).withBias(false), "c1"),
                Node.of("sum", new Add(), "c2", "input"),
                Node.of("c3", Conv2d.of(1, 3).withStride(2).withBias(false), "sum"),
                Node.of("flat", new Flatten(), "c3"),
                Node.of("fc", Dense.of(2), "flat")));
        try (InspectionModel m = InspectionModel.open(net, 1)) {
            m.call((probe, g) -> {
                for (String c : List.of("c1", "c2", "c3")) {
                    ProbeNets.fill(probe, c, "weight", 0.1f);
                }
                return null;
            });
            var analysis = m.call((probe, g) -> probe.analysis());
            // by hand: sum sees 5×5 from −2 (c1, c2 padded); c3 adds 2 at jump 1 → 7, jump 2, start −2
            int[][] units = {{0, 0}, {2, 2}, {4, 4}, {0, 4}};
            long[][] expected = {{-2, -2, 4, 4}, {2, 2, 8, 8}, {6, 6, 12, 12}, {-2, 6, 4, 12}};
            for (int k = 0; k < units.length; k++) {
                int uy = units[k][0];
                int ux = units[k][1];
                ReceptiveFieldRect rect = ReceptiveFieldRect.of(analysis, "c3", uy, ux);
                ReceptiveField.Region r = rect.region();
                assertArrayEquals(expected[k], new long[] {r.top(), r.left(), r.bottom(), r.right()}, "unit " + uy + "," + ux);
                assertEquals(7, rect.size());
                assertEquals(2, rect.jump());
                float[] erf = m.call((probe, g) -> {
                    float[] x = new float[144];
                    java.util.Arrays.fill(x, 1f);
                    return g.effectiveReceptiveField(x, 1, "c3", 0, uy, ux);
                });
                int top = 12;
                int left = 12;
                int bottom = -1;
                int right = -1;
                for (int y = 0; y < 12; y++) {
                    for (int x = 0; x < 12; x++) {
                        if (erf[y * 12 + x] != 0) {
                            top = Math.min(top, y);
                            left = Math.min(left, x);
                            bottom = Math.max(bottom, y);
                            right = Math.max(right, x);
                        }
                    }
                }
                ReceptiveField.Region c = rect.clipped();
                assertArrayEquals(new long[] {c.top(), c.left(), c.bottom(), c.right()}, new long[] {top, left, bottom, right},
                        "gradient support of unit " + uy + "," + ux);
                assertEquals(uy == 2 && ux == 2 ? false : true, rect.padding(), "border units reach the padding");
            }
        }
    }

    @Test
    void smoothGradAveragesNoisyGradientsAndActivationMaximisationRaisesTheChannel() throws Exception {
        try (InspectionModel m = InspectionModel.open(org.convstudio.model.preset.Presets.get("lenet"), 11)) {
            float[] x = ProbeTest.images(1, 784, 9);
            m.call((probe, g) -> {
                float[] sg0 = g.smoothGrad(x, 2, 8, 0f, 1);
                assertArrayEquals(g.saliency(x, 2).gradient(), sg0, 1e-6f, "no noise: SmoothGrad = saliency");
                float[] sg = g.smoothGrad(x, 2, 8, 0.3f, 1);
                assertFalse(java.util.Arrays.equals(sg, sg0));
                ActivationMaximizer am = new ActivationMaximizer(12, 0.1f, 0f, 1, 4);
                float start = g.gradient(new float[784], 1, new Target.ChannelMean("conv2", 3)).values()[0];
                ActivationMaximizer.Result r = am.run(g, "conv2", 3, 5, () -> false);
                // relative to where it starts: the initial weights' scale sets the activation's scale
                assertTrue(r.activation() - start > 0.5 * Math.max(Math.abs(start), 0.01f),
                        "ascent raised conv2:3 from " + start + " to " + r.activation());
                return null;
            });
        }
    }
}
