package org.convstudio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.convstudio.model.analysis.ClassFit;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.TrainableCount;
import org.convstudio.model.graph.Network;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;

/** Frozen blocks in the counts, and the classifier head replaced for a new number of classes. */
class TransferLearningModelTest {

    @Test
    void nothingFrozenTrainsEverything() {
        TrainableCount c = TrainableCount.of(Presets.get("lenet"));
        assertEquals(new TrainableCount(61_706, 61_706, 0), c);
        assertEquals("61,706 of 61,706 parameters train", c.sentence());
    }

    @Test
    void frozenBlocksAreCountedOut() {
        Network net = Presets.get("lenet").update("conv1", n -> n.withTrainable(false)).update("conv2", n -> n.withTrainable(false));
        TrainableCount c = TrainableCount.of(net);
        assertEquals(61_706 - 156 - 2_416, c.trainable());
        assertEquals(61_706, c.learnable());
        assertEquals("59,134 of 61,706 parameters train (2 blocks frozen)", c.sentence());
    }

    @Test
    void batchNormStatisticsAreNotLearnt() {
        TrainableCount c = TrainableCount.of(Presets.get("resnet18"));
        assertEquals(11_689_512, c.learnable(), "torchvision's trainable count, without the 9,600 running statistics");
        Network frozenBackbone = Presets.get("resnet18");
        for (var n : frozenBackbone.nodes()) {
            if (!n.id().equals("fc")) {
                frozenBackbone = frozenBackbone.update(n.id(), x -> x.withTrainable(false));
            }
        }
        TrainableCount f = TrainableCount.of(frozenBackbone);
        assertEquals(512 * 1000 + 1000, f.trainable(), "only the classifier trains");
        assertEquals(11_689_512, f.learnable());
    }

    @Test
    void replacingTheHeadGivesItTheNewClassesAndMakesItTrainable() {
        Network lenet = Presets.get("lenet");
        String head = ClassFit.headId(NetworkAnalyzer.analyze(lenet)).orElseThrow();
        Network frozenHead = lenet.update(head, n -> n.withTrainable(false));
        Network replaced = ClassFit.replaceHead(NetworkAnalyzer.analyze(frozenHead), 5).orElseThrow();
        Dense d = (Dense) replaced.node(head).orElseThrow().layer();
        assertEquals(5, d.units());
        assertTrue(replaced.node(head).orElseThrow().trainable());
        assertEquals(5, NetworkAnalyzer.analyze(replaced).outputShape().orElseThrow().channels());
        assertEquals(lenet.nodes().size(), replaced.nodes().size(), "same blocks, same ids");
        assertThrows(IllegalArgumentException.class, () -> ClassFit.replaceHead(NetworkAnalyzer.analyze(lenet), 0));
    }

    @Test
    void aDesignWithoutDenseHeadHasNone() {
        Network convOnly = Network.empty("x");
        assertEquals(Optional.empty(), ClassFit.headId(NetworkAnalyzer.analyze(convOnly)));
        assertFalse(ClassFit.replaceHead(NetworkAnalyzer.analyze(convOnly), 3).isPresent());
    }
}
