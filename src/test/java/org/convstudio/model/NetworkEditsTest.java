package org.convstudio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Dropout;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;

class NetworkEditsTest {

    @Test
    void renameUpdatesConnections() {
        Network n = Presets.get("lenet").rename("conv1", "first");
        assertEquals(List.of("first"), n.node("relu1").orElseThrow().inputs());
        assertTrue(NetworkAnalyzer.analyze(n).isValid());
        assertEquals(n, n.rename("missing", "x"));
    }

    @Test
    void insertOnEdgeAndDelete() {
        Network n = Presets.get("lenet").insertOnEdge("fc1", "relu3", Node.of("drop", new Dropout(0.3)));
        assertEquals(List.of("drop"), n.node("relu3").orElseThrow().inputs());
        assertEquals(List.of("fc1"), n.node("drop").orElseThrow().inputs());
        assertTrue(NetworkAnalyzer.analyze(n).isValid());
        Network cut = n.without(Set.of("drop"));
        assertEquals(List.of(), cut.node("relu3").orElseThrow().inputs());
        assertEquals("conv3", cut.freshId("conv"), "conv1 and conv2 are taken");
    }
}
