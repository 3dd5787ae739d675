package org.convstudio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.ReceptiveField;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Add;
import org.convstudio.model.layer.Concat;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Input;
import org.junit.jupiter.api.Test;

class ResidualReceptiveFieldTest {

    @Test
    void mergedPathsTakeTheUnionOfTheirFields() {
        // a 5×5 path and an identity shortcut, both padded to keep 8×8: union = the 5×5 field
        Network n = new Network("res", List.of(
                Node.of("input", new Input(1, 8, 8)),
                Node.of("wide", Conv2d.of(1, 5).withPadding(2), "input"),
                Node.of("sum", new Add(), "wide", "input"),
                Node.of("narrow", Conv2d.of(1, 3).withPadding(1), "input"),
                Node.of("cat", new Concat(), "sum", "narrow")));
        Analysis a = NetworkAnalyzer.analyze(n);
        assertTrue(a.isValid(), a.problems().toString());
        ReceptiveField sum = a.info("sum").orElseThrow().receptiveField();
        assertEquals(5, sum.height().size());
        assertEquals(-2, sum.height().start());
        assertEquals(Shape.image(2, 8, 8), a.info("cat").orElseThrow().output());
        assertEquals(5, a.info("cat").orElseThrow().receptiveField().height().size());
        var region = sum.region(0, 7);
        assertTrue(region.reachesPadding(8, 8));
        var clipped = region.clip(8, 8);
        assertEquals(0, clipped.top());
        assertEquals(2, clipped.bottom());
        assertEquals(5, clipped.left());
        assertEquals(7, clipped.right());
        assertFalse(a.info("wide").orElseThrow().receptiveField().global());
    }

    @Test
    void dilationWidensTheKernel() {
        Network n = new Network("dil", List.of(
                Node.of("input", new Input(1, 16, 16)),
                Node.of("d", Conv2d.of(4, 3).withDilation(2), "input")));
        Analysis a = NetworkAnalyzer.analyze(n);
        assertEquals(Shape.image(4, 12, 12), a.info("d").orElseThrow().output(), "floor((16 - 5)/1) + 1");
        assertEquals(5, a.info("d").orElseThrow().receptiveField().height().size());
    }
}
