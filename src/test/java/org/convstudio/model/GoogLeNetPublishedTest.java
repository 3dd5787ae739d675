package org.convstudio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.NodeInfo;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Concat;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.preset.GoogLeNet;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;

/**
 * The {@code googlenet} preset against Szegedy et al. 2014, Table 1 (reproduced in the course's case
 * studies, 3-cnn-case-studies). Pinned figures: every row's output size; the "ops" column (millions of
 * multiply-adds) within 1 M for every inception module except 5a; the conv2 (112K) and linear (1000K)
 * rows of the "params" column exactly (K = 1024 weights, biases not counted); and the sum of the
 * "params" column, 6,797.7K, within 0.5 %. The table's own columns disagree in places — its conv1 row
 * (2.7K, 34M ops) cannot come from 7×7×3×64 = 9,408 weights, and several inception rows (4a, 4c-5b)
 * do not match their own channel columns — so per-module weights are pinned as the channel columns give
 * them.
 */
class GoogLeNetPublishedTest {

    static final Analysis A = NetworkAnalyzer.analyze(Presets.get("googlenet"));

    static NodeInfo info(String id) {
        return A.info(id).orElseThrow(() -> new AssertionError("no node " + id));
    }

    /** Weights (no biases) of one inception module, summed over its six convolutions. */
    static long moduleWeights(GoogLeNet.Module m) {
        long w = 0;
        for (String s : new String[] {"1x1", "3x3_reduce", "3x3", "5x5_reduce", "5x5", "pool_proj"}) {
            Conv2d c = (Conv2d) A.network().node("inception_" + m.name() + "." + s).orElseThrow().layer();
            w += info("inception_" + m.name() + "." + s).params() - c.filters();
        }
        return w;
    }

    static long moduleMacs(GoogLeNet.Module m) {
        long macs = 0;
        for (String s : new String[] {"1x1", "3x3_reduce", "3x3", "5x5_reduce", "5x5", "pool_proj"}) {
            macs += info("inception_" + m.name() + "." + s).macs();
        }
        return macs;
    }

    @Test
    void validWithTable1OutputSizes() {
        assertTrue(A.isValid(), () -> A.errors().toString());
        assertEquals(Shape.image(64, 112, 112), info("conv1").output());
        assertEquals(Shape.image(64, 56, 56), info("pool1").output());
        assertEquals(Shape.image(192, 56, 56), info("conv2").output());
        assertEquals(Shape.image(192, 28, 28), info("pool2").output());
        int[] sizes = {28, 28, 14, 14, 14, 14, 14, 7, 7};
        int[] depths = {256, 480, 512, 512, 512, 528, 832, 832, 1024};
        for (int i = 0; i < sizes.length; i++) {
            GoogLeNet.Module m = GoogLeNet.MODULES.get(i);
            assertEquals(Shape.image(depths[i], sizes[i], sizes[i]), info(m.concatId()).output(), m.name());
            assertEquals(depths[i], m.outputChannels(), m.name());
            assertTrue(A.network().node(m.concatId()).orElseThrow().layer() instanceof Concat);
            assertEquals(4, A.network().node(m.concatId()).orElseThrow().inputs().size(), "four paths stacked");
        }
        assertEquals(Shape.image(480, 14, 14), info("pool3").output());
        assertEquals(Shape.image(832, 7, 7), info("pool4").output());
        assertEquals(Shape.image(1024, 1, 1), info("pool5").output());
        assertEquals(Shape.vector(1000), info("linear").output());
    }

    @Test
    void opsColumnOfTable1() {
        for (GoogLeNet.Module m : GoogLeNet.MODULES) {
            double millions = moduleMacs(m) / 1e6;
            if (m.name().equals("5a")) {
                // 1,042,432 weights × 7×7 positions = 51.1 M; the table prints 54M
                assertEquals(51.08, millions, 0.01);
            } else {
                assertEquals(m.publishedOpsM(), millions, 1.0, m.name());
            }
        }
        assertEquals(360, (info("conv2_reduce").macs() + info("conv2").macs()) / 1e6, 1.0, "conv2 row: 360M");
        assertEquals(1, info("linear").macs() / 1e6, 0.1, "linear row: 1M");
    }

    @Test
    void paramsColumnOfTable1() {
        long conv2 = info("conv2_reduce").params() - 64 + info("conv2").params() - 192;
        assertEquals(112 * 1024, conv2, "conv2 row: 112K weights");
        assertEquals(1000 * 1024, info("linear").params() - 1000, "linear row: 1000K weights");
        assertEquals(163_328, moduleWeights(GoogLeNet.MODULES.get(0)), "3a: 159K");
        assertEquals(159, moduleWeights(GoogLeNet.MODULES.get(0)) / 1024);
        assertEquals(380, moduleWeights(GoogLeNet.MODULES.get(1)) / 1024.0, 1.0, "3b");
        assertEquals(437, moduleWeights(GoogLeNet.MODULES.get(3)) / 1024.0, 1.0, "4b");
        long[] fromChannels = {163_328, 388_096, 375_552, 448_512, 509_440, 604_672, 867_328, 1_042_432, 1_442_816};
        double publishedSumK = 2.7 + 112 + 1000;
        long weights = (info("conv1").params() - 64) + conv2 + (info("linear").params() - 1000);
        for (int i = 0; i < fromChannels.length; i++) {
            assertEquals(fromChannels[i], moduleWeights(GoogLeNet.MODULES.get(i)), GoogLeNet.MODULES.get(i).name());
            publishedSumK += GoogLeNet.MODULES.get(i).publishedK();
            weights += fromChannels[i];
        }
        assertEquals(6_797.7, publishedSumK, 1e-9);
        assertEquals(6_990_272, weights);
        assertEquals(publishedSumK * 1024, weights, publishedSumK * 1024 * 0.005, "within 0.5 % of the table's sum");
        assertEquals(6_998_552, A.totals().params(), "weights plus 8,280 biases");
        assertEquals(A.totals().params(), A.totals().trainableParams());
    }

    /** "22 layers deep when counting only layers with parameters" (the table's depth column sums to 22). */
    @Test
    void twentyTwoLayersWithParameters() {
        Network n = A.network();
        Map<String, Integer> depth = new HashMap<>();
        int deepest = 0;
        for (String id : A.order()) {
            Node node = n.node(id).orElseThrow();
            int d = node.inputs().stream().mapToInt(i -> depth.getOrDefault(i, 0)).max().orElse(0);
            if (node.layer() instanceof Conv2d || node.layer() instanceof Dense) {
                d++;
            }
            depth.put(id, d);
            deepest = Math.max(deepest, d);
        }
        assertEquals(22, deepest);
    }
}
