package org.convstudio.model.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out any design with the Eclipse Layout Kernel's layered (Sugiyama) algorithm: blocks in layers
 * along the data flow, parallel branches (an inception module, a residual block's shortcut) side by
 * side, and every connection routed orthogonally around the blocks, never behind them. A long design
 * is wrapped into several columns (or rows), joined by routed connections. Top-down or left-to-right is
 * chosen by which one shows the design larger in a viewport of the given aspect ratio.
 *
 * <p>Pure geometry: the result is the network with new block positions plus the bend points of every
 * connection, in the same coordinates. Presets and the CLI use estimated block sizes; the editor passes
 * the measured sizes of its cards.
 */
public final class AutoLayout {

    /** Block size assumed when nobody measured one (a card in the editor at 100 %). */
    public static final double DEFAULT_WIDTH = 200;
    public static final double DEFAULT_HEIGHT = 66;
    /** Space between layers and between blocks of one layer. */
    public static final double LAYER_GAP = 44;
    public static final double NODE_GAP = 36;
    /** Aspect ratio (width / height) of a typical canvas, used when the caller does not know its own. */
    public static final double DEFAULT_ASPECT = 1.5;

    private static volatile boolean registered;

    /** One laid-out design: positions in {@link #network()}, routes keyed by {@link #edgeKey}. */
    public record Result(Network network, boolean horizontal, Map<String, List<double[]>> routes, double width,
            double height) {

        public Result {
            routes = Map.copyOf(routes);
        }

        /** The route of {@code from → to} (start point, bend points, end point), or an empty list. */
        public List<double[]> route(String from, String to) {
            return routes.getOrDefault(edgeKey(from, to), List.of());
        }
    }

    /** Measured (or estimated) size of a block. */
    public interface Sizes {
        double width(Node n);

        double height(Node n);

        /** Sizes by block id ({width, height}); blocks not listed get the default size. */
        static Sizes of(Map<String, double[]> byId) {
            return new Sizes() {
                public double width(Node n) {
                    double[] s = byId.get(n.id());
                    return s == null ? DEFAULT_WIDTH : s[0];
                }

                public double height(Node n) {
                    double[] s = byId.get(n.id());
                    return s == null ? DEFAULT_HEIGHT : s[1];
                }
            };
        }

        static Sizes fixed(double w, double h) {
            return new Sizes() {
                public double width(Node n) {
                    return w;
                }

                public double height(Node n) {
                    return h;
                }
            };
        }
    }

    private AutoLayout() {
    }

    public static String edgeKey(String from, String to) {
        return from + "\u2192" + to;
    }

    /** The network with every block moved to its laid-out position (estimated block sizes). */
    public static Network apply(Network net) {
        return layout(net, Sizes.fixed(DEFAULT_WIDTH, DEFAULT_HEIGHT), DEFAULT_ASPECT).network();
    }

    /**
     * Lays {@code net} out for a viewport of {@code aspect} = width / height, trying top-down and
     * left-to-right and keeping the one that can be shown at the larger zoom.
     */
    public static Result layout(Network net, Sizes sizes, double aspect) {
        if (net.nodes().isEmpty()) {
            return new Result(net, false, Map.of(), 0, 0);
        }
        Result down = layout(net, sizes, aspect, false);
        if (net.nodes().size() < 3) {
            return down;
        }
        Result right = layout(net, sizes, aspect, true);
        // prefer top-down (cards are wide): left-to-right must show the design clearly larger
        return fitZoom(right, aspect) > 1.15 * fitZoom(down, aspect) ? right : down;
    }

    /** The zoom at which {@code r} fills a viewport of unit height and width {@code aspect}. */
    static double fitZoom(Result r, double aspect) {
        return Math.min(aspect / Math.max(1, r.width()), 1 / Math.max(1, r.height()));
    }

    /** Lays {@code net} out in one direction. Cycles are tolerated (ELK reverses a feedback edge). */
    public static Result layout(Network net, Sizes sizes, double aspect, boolean horizontal) {
        register();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, horizontal ? Direction.RIGHT : Direction.DOWN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.RANDOM_SEED, 1);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_GAP);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_GAP);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 18.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 12.0);
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        root.setProperty(LayeredOptions.THOROUGHNESS, 10);
        // a long chain is wrapped into columns (rows) whose joining connections are routed too
        root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
        root.setProperty(LayeredOptions.ASPECT_RATIO, horizontal ? aspect : aspect);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(0));

        Map<String, ElkNode> elk = new LinkedHashMap<>();
        for (Node n : net.nodes()) {
            ElkNode e = ElkGraphUtil.createNode(root);
            e.setIdentifier(n.id());
            e.setDimensions(sizes.width(n), sizes.height(n));
            elk.put(n.id(), e);
        }
        Map<String, ElkEdge> edges = new LinkedHashMap<>();
        for (Node n : net.nodes()) {
            for (String in : n.inputs()) {
                ElkNode src = elk.get(in);
                if (src == null || edges.containsKey(edgeKey(in, n.id()))) {
                    continue;
                }
                ElkEdge e = ElkGraphUtil.createEdge(root);
                e.getSources().add(src);
                e.getTargets().add(elk.get(n.id()));
                edges.put(edgeKey(in, n.id()), e);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Network out = net;
        for (Node n : net.nodes()) {
            ElkNode e = elk.get(n.id());
            out = out.replace(n.withPosition(Math.round(e.getX()), Math.round(e.getY())));
        }
        Map<String, List<double[]>> routes = new HashMap<>();
        for (var entry : edges.entrySet()) {
            ElkEdge e = entry.getValue();
            if (e.getSections().isEmpty()) {
                continue;
            }
            ElkEdgeSection s = e.getSections().get(0);
            List<double[]> points = new ArrayList<>();
            points.add(new double[] {s.getStartX(), s.getStartY()});
            for (ElkBendPoint b : s.getBendPoints()) {
                points.add(new double[] {b.getX(), b.getY()});
            }
            points.add(new double[] {s.getEndX(), s.getEndY()});
            routes.put(entry.getKey(), List.copyOf(points));
        }
        return new Result(out, horizontal, routes, root.getWidth(), root.getHeight());
    }

    private static void register() {
        if (!registered) {
            synchronized (AutoLayout.class) {
                if (!registered) {
                    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
                    registered = true;
                }
            }
        }
    }
}
