package org.convstudio.model.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.convstudio.model.layer.LayerType;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;

/** The ELK layered layout: no overlaps, routed merge edges, branches side by side. */
class AutoLayoutTest {

    private static final AutoLayout.Sizes SIZES = AutoLayout.Sizes.fixed(200, 66);

    /** Every route segment stays clear of every block except where it starts and ends. */
    static void assertNothingHidden(AutoLayout.Result r) {
        Network net = r.network();
        for (Node a : net.nodes()) {
            for (Node b : net.nodes()) {
                if (a != b) {
                    boolean overlap = a.x() < b.x() + 200 && b.x() < a.x() + 200 && a.y() < b.y() + 66 && b.y() < a.y() + 66;
                    assertFalse(overlap, a.id() + " overlaps " + b.id());
                }
            }
        }
        for (Node to : net.nodes()) {
            for (String from : to.inputs()) {
                List<double[]> route = r.route(from, to.id());
                assertTrue(route.size() >= 2, "routed " + from + " → " + to.id());
                for (Node block : net.nodes()) {
                    if (block.id().equals(from) || block.id().equals(to.id())) {
                        continue;
                    }
                    for (int i = 1; i < route.size(); i++) {
                        assertFalse(crosses(route.get(i - 1), route.get(i), block),
                                from + " → " + to.id() + " runs behind " + block.id());
                    }
                }
            }
        }
    }

    /** Whether the axis-parallel segment p–q enters the interior of {@code b}'s box (1 px tolerance). */
    static boolean crosses(double[] p, double[] q, Node b) {
        double minX = Math.min(p[0], q[0]);
        double maxX = Math.max(p[0], q[0]);
        double minY = Math.min(p[1], q[1]);
        double maxY = Math.max(p[1], q[1]);
        return maxX > b.x() + 1 && minX < b.x() + 199 && maxY > b.y() + 1 && minY < b.y() + 65;
    }

    @Test
    void resNetAddsShowTwoSeparateIncomingConnectionsThatAvoidTheBlocks() {
        AutoLayout.Result r = AutoLayout.layout(Presets.get("resnet18"), SIZES, 1.6);
        assertNothingHidden(r);
        int adds = 0;
        for (Node n : r.network().nodes()) {
            if (n.layer().type() == LayerType.ADD) {
                adds++;
                assertEquals(2, n.inputs().size());
                double[] end0 = last(r.route(n.inputs().get(0), n.id()));
                double[] end1 = last(r.route(n.inputs().get(1), n.id()));
                double apart = r.horizontal() ? Math.abs(end0[1] - end1[1]) : Math.abs(end0[0] - end1[0]);
                assertTrue(apart >= 8, n.id() + ": the two inputs arrive " + apart + " px apart");
            }
        }
        assertEquals(8, adds);
    }

    @Test
    void inceptionBranchesSitSideBySideInModelOrder() {
        Network net = Network.empty("inception")
                .with(Node.of("input", LayerType.INPUT.defaults()))
                .with(Node.of("b1", LayerType.CONV2D.defaults(), "input"))
                .with(Node.of("b2", LayerType.CONV2D.defaults(), "input"))
                .with(Node.of("b2b", LayerType.CONV2D.defaults(), "b2"))
                .with(Node.of("b3", LayerType.POOL2D.defaults(), "input"))
                .with(Node.of("b3b", LayerType.CONV2D.defaults(), "b3"))
                .with(Node.of("cat", LayerType.CONCAT.defaults(), "b1", "b2b", "b3b"))
                .with(Node.of("flat", LayerType.FLATTEN.defaults(), "cat"));
        AutoLayout.Result r = AutoLayout.layout(net, SIZES, 1.6, false);
        assertNothingHidden(r);
        Node b1 = r.network().node("b1").orElseThrow();
        Node b2 = r.network().node("b2").orElseThrow();
        Node b3 = r.network().node("b3").orElseThrow();
        assertEquals(b2.y(), b3.y(), "the branches' first blocks share a layer");
        assertTrue(b1.x() < b2.x() && b2.x() < b3.x(), "branches left to right in the Concat's input order");
    }

    @Test
    void everyPresetIsLaidOutWithoutOverlapsOrHiddenConnections() {
        for (var p : Presets.all()) {
            AutoLayout.Result r = AutoLayout.layout(Presets.get(p.id()), SIZES, 1.6);
            assertNothingHidden(r);
            // a long chain is wrapped: the layout fits a 16:10 screen far better than one column
            double oneColumn = Presets.get(p.id()).nodes().size() * (66 + AutoLayout.LAYER_GAP);
            if (Presets.get(p.id()).nodes().size() > 12) {
                assertTrue(Math.max(r.width() / 1.6, r.height()) < 0.7 * oneColumn,
                        p.id() + " is " + r.width() + "×" + r.height());
            }
        }
    }

    @Test
    void aLongChainIsWrappedAndAShortOneStaysAColumn() {
        Network lenet = Presets.get("lenet");
        AutoLayout.Result r = AutoLayout.layout(lenet, SIZES, 1.6);
        System.out.println("lenet: " + (r.horizontal() ? "left-to-right " : "top-down ") + r.width() + "×" + r.height());
        assertNotEquals(0, r.width());
    }

    private static double[] last(List<double[]> route) {
        return route.get(route.size() - 1);
    }
}
