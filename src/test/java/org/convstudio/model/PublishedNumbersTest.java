package org.convstudio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.NodeInfo;
import org.convstudio.model.graph.Network;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The numbers on screen are the textbooks' numbers. */
class PublishedNumbersTest {

    static Analysis analyze(String preset) {
        Analysis a = NetworkAnalyzer.analyze(Presets.get(preset));
        assertTrue(a.isValid(), () -> preset + " should be valid: " + a.errors());
        return a;
    }

    static NodeInfo info(Analysis a, String id) {
        return a.info(id).orElseThrow(() -> new AssertionError("no node " + id));
    }

    @Test
    void lenet5ParametersAsInLeCun1998() {
        Analysis a = analyze("lenet5");
        assertEquals(156, info(a, "c1").params());
        assertEquals(12, info(a, "s2").params());
        assertEquals(1_516, info(a, "c3").params());
        assertEquals(32, info(a, "s4").params());
        assertEquals(48_120, info(a, "c5").params());
        assertEquals(10_164, info(a, "f6").params());
        assertEquals(850, info(a, "output").params());
        assertEquals(Shape.image(6, 28, 28), info(a, "c1").output());
        assertEquals(Shape.image(6, 14, 14), info(a, "s2").output());
        assertEquals(Shape.image(16, 10, 10), info(a, "c3").output());
        assertEquals(Shape.image(16, 5, 5), info(a, "s4").output());
        assertEquals(Shape.image(120, 1, 1), info(a, "c5").output());
        // C3 has 60 connections of 25 weights: 1,500 weights, 16 biases; 100 positions -> 150,000 MACs
        assertEquals(150_000, info(a, "c3").macs());
    }

    @Test
    void alexnetConv1AndTotal() {
        Analysis a = analyze("alexnet");
        assertEquals(Shape.image(96, 55, 55), info(a, "conv1").output());
        assertEquals(34_944, info(a, "conv1").params());
        assertEquals(Shape.image(256, 6, 6), info(a, "pool5").output());
        // the grouped two-GPU original (not torchvision's single-GPU variant)
        assertEquals(60_965_224, a.totals().params());
        assertEquals(List.of(1000), a.outputShape().orElseThrow().dims());
    }

    @Test
    void vgg16MatchesTorchvision() {
        Analysis a = analyze("vgg16");
        assertEquals(138_357_544L, a.totals().params());
        assertEquals(15.47, a.totals().macs() / 1e9, 0.005, "torchvision reports 15.47 GFLOPS (multiply-accumulates)");
    }

    @Test
    void resnet18MatchesTorchvision() {
        Analysis a = analyze("resnet18");
        assertEquals(11_689_512L, a.totals().trainableParams());
        assertEquals(9_600L, a.totals().nonTrainableParams(), "running mean and variance of 20 batch norms");
        assertEquals(1.81, a.totals().macs() / 1e9, 0.005, "torchvision reports 1.81 GFLOPS (multiply-accumulates)");
        assertEquals(Shape.image(512, 7, 7), info(a, "layer4.1.relu2").output());
    }

    @Test
    void smallPresets() {
        assertEquals(61_706, analyze("lenet").totals().params());
        assertEquals(19_920, analyze("tinyvgg").totals().params(), "CNN Explainer's Tiny VGG");
        assertEquals(795_010, analyze("mlp").totals().params());
        assertEquals(Shape.image(10, 13, 13), info(analyze("tinyvgg"), "max_pool_2").output());
    }

    /** Distill (Araujo et al. 2019) / the receptive_field library: VGG-16 sizes along the network. */
    @Test
    void vgg16ReceptiveFields() {
        Analysis a = analyze("vgg16");
        String[] ids = {"conv1_1", "conv1_2", "pool1", "conv2_1", "conv2_2", "pool2", "conv3_1", "conv3_2", "conv3_3",
            "pool3", "conv4_1", "conv4_2", "conv4_3", "pool4", "conv5_1", "conv5_2", "conv5_3", "pool5"};
        long[] sizes = {3, 5, 6, 10, 14, 16, 24, 32, 40, 44, 60, 76, 92, 100, 132, 164, 196, 212};
        long[] jumps = {1, 1, 2, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 32};
        for (int i = 0; i < ids.length; i++) {
            var rf = info(a, ids[i]).receptiveField();
            assertEquals(sizes[i], rf.height().size(), ids[i] + " size");
            assertEquals(sizes[i], rf.width().size(), ids[i] + " size");
            assertEquals(jumps[i], rf.height().jump(), ids[i] + " jump");
        }
        assertEquals(-1, info(a, "conv1_1").receptiveField().height().start(), "padding 1 reaches one pixel outside");
    }

    @Test
    void alexnetReceptiveFields() {
        Analysis a = analyze("alexnet");
        String[] ids = {"conv1", "pool1", "conv2", "pool2", "conv3", "conv4", "conv5", "pool5"};
        long[] sizes = {11, 19, 51, 67, 99, 131, 163, 195};
        long[] jumps = {4, 8, 8, 16, 16, 16, 16, 32};
        for (int i = 0; i < ids.length; i++) {
            assertEquals(sizes[i], info(a, ids[i]).receptiveField().height().size(), ids[i]);
            assertEquals(jumps[i], info(a, ids[i]).receptiveField().height().jump(), ids[i]);
        }
    }

    /** The lecture's question: two stacked 3×3 convolutions see a 5×5 patch (three see 7×7). */
    @Test
    void twoStacked3x3ConvolutionsSee5x5() {
        Network n = new Network("stack", List.of(
                org.convstudio.model.graph.Node.of("input", new org.convstudio.model.layer.Input(1, 32, 32)),
                org.convstudio.model.graph.Node.of("a", org.convstudio.model.layer.Conv2d.of(1, 3), "input"),
                org.convstudio.model.graph.Node.of("b", org.convstudio.model.layer.Conv2d.of(1, 3), "a"),
                org.convstudio.model.graph.Node.of("c", org.convstudio.model.layer.Conv2d.of(1, 3), "b")));
        Analysis a = NetworkAnalyzer.analyze(n);
        assertEquals(5, info(a, "b").receptiveField().height().size());
        assertEquals(7, info(a, "c").receptiveField().height().size());
        var region = info(a, "b").receptiveField().region(3, 4);
        assertEquals(3, region.top());
        assertEquals(7, region.bottom());
        assertEquals(4, region.left());
        assertEquals(8, region.right());
    }

    @ParameterizedTest
    @MethodSource("org.convstudio.model.PublishedNumbersTest#presetIds")
    void everyPresetIsValidAndEndsInClassScores(String id) {
        Analysis a = analyze(id);
        assertTrue(a.trainBlocker().isEmpty(), () -> id + ": " + a.trainBlocker());
        assertEquals(a.network().nodes().size(), a.order().size());
    }

    static List<String> presetIds() {
        return Presets.all().stream().map(p -> p.id()).toList();
    }
}
