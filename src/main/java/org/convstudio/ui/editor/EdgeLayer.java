package org.convstudio.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Shape;
import org.convstudio.model.graph.AutoLayout;
import org.convstudio.model.graph.Node;

/**
 * The design canvas's connections: drawn along the last layout's routes (ELK bend points) while both
 * blocks stay where that layout put them, as smooth curves otherwise; also finds the connection under a point.
 */
final class EdgeLayer extends Group {

    private final DesignViewModel vm;
    private final Map<String, BlockCard> cards;
    /** Connections as the last layouts routed them, valid while both ends stay where that layout put them. */
    private final Map<String, Route> routes = new HashMap<>();
    /** The last layout ran left to right: connections leave a block's right side and enter its left. */
    private boolean horizontal;

    /** A routed connection and where its two blocks stood when it was routed. */
    private record Route(List<double[]> points, double fromX, double fromY, double toX, double toY) {
    }

    EdgeLayer(DesignViewModel vm, Map<String, BlockCard> cards) {
        this.vm = vm;
        this.cards = cards;
    }

    boolean isHorizontal() {
        return horizontal;
    }

    /** Draws every connection of the network again from the cards' current places. */
    void rebuild() {
        List<javafx.scene.Node> curves = new ArrayList<>();
        for (Node n : vm.getNetwork().nodes()) {
            BlockCard to = cards.get(n.id());
            for (String from : n.inputs()) {
                BlockCard src = cards.get(from);
                if (src == null || to == null) {
                    continue;
                }
                curves.add(edge(src, to));
            }
        }
        getChildren().setAll(curves);
    }

    /**
     * Remembers the routes of layout {@code r}, moved by ({@code dx}, {@code dy}), and its direction
     * (which the cards' ports follow).
     */
    void remember(AutoLayout.Result r, double dx, double dy) {
        horizontal = r.horizontal();
        for (BlockCard c : cards.values()) {
            c.setHorizontal(horizontal);
        }
        for (Node to : r.network().nodes()) {
            for (String from : to.inputs()) {
                List<double[]> pts = r.route(from, to.id());
                Node f = r.network().node(from).orElse(null);
                if (pts.isEmpty() || f == null) {
                    continue;
                }
                List<double[]> moved = pts.stream().map(p -> new double[] {p[0] + dx, p[1] + dy}).toList();
                routes.put(AutoLayout.edgeKey(from, to.id()), new Route(moved, f.x() + dx, f.y() + dy, to.x() + dx, to.y() + dy));
            }
        }
    }

    private Shape edge(BlockCard src, BlockCard to) {
        Shape c = routed(src, to);
        if (c == null) {
            c = curve(src, to);
        }
        c.getStyleClass().add("edge");
        c.setFill(null);
        c.setId("edge-" + src.nodeId() + "-" + to.nodeId());
        c.setUserData(new String[] {src.nodeId(), to.nodeId()});
        Shape shape = c;
        c.setOnContextMenuRequested(e -> {
            MenuItem remove = new MenuItem("Remove connection " + src.nodeId() + " → " + to.nodeId());
            remove.setOnAction(a -> vm.disconnect(src.nodeId(), to.nodeId()));
            new ContextMenu(remove).show(shape, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        return c;
    }

    /** The layout's route for this connection if both blocks are still where it put them, else null. */
    private Polyline routed(BlockCard src, BlockCard to) {
        Route r = routes.get(AutoLayout.edgeKey(src.nodeId(), to.nodeId()));
        if (r == null || !near(src.getLayoutX(), r.fromX()) || !near(src.getLayoutY(), r.fromY())
                || !near(to.getLayoutX(), r.toX()) || !near(to.getLayoutY(), r.toY())) {
            return null;
        }
        Polyline line = new Polyline();
        int last = r.points().size() - 1;
        for (int i = 0; i <= last; i++) {
            double x = r.points().get(i)[0];
            double y = r.points().get(i)[1];
            // the card may have grown since (a problem line): keep the ends on its border
            if (i == 0) {
                if (horizontal) {
                    x = src.getLayoutX() + src.getWidth();
                } else {
                    y = src.getLayoutY() + src.getHeight();
                }
            } else if (i == last) {
                if (horizontal) {
                    x = to.getLayoutX();
                } else {
                    y = to.getLayoutY();
                }
            }
            line.getPoints().addAll(x, y);
        }
        return line;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) < 0.75;
    }

    /** A smooth connection for blocks placed by hand. */
    private CubicCurve curve(BlockCard src, BlockCard to) {
        if (horizontal) {
            double sx = src.getLayoutX() + src.getWidth();
            double sy = src.getLayoutY() + src.getHeight() / 2;
            double tx = to.getLayoutX();
            double ty = to.getLayoutY() + to.getHeight() / 2;
            double bend = tx >= sx ? Math.max(30, (tx - sx) / 2) : 60;
            return new CubicCurve(sx, sy, sx + bend, sy, tx - bend, ty, tx, ty);
        }
        double sx = src.getLayoutX() + src.getWidth() / 2;
        double sy = src.getLayoutY() + src.getHeight();
        double tx = to.getLayoutX() + to.getWidth() / 2;
        double ty = to.getLayoutY();
        // downward edges bend smoothly; upward ones leave and enter with short, equal bends
        double bend = ty >= sy ? Math.max(30, (ty - sy) / 2) : 50;
        return new CubicCurve(sx, sy, sx, sy + bend, tx, ty - bend, tx, ty);
    }

    /** Whether the connection {@code from → to} is drawn along a routed path. */
    boolean isRouted(String from, String to) {
        return getChildren().stream().anyMatch(n -> n instanceof Polyline
                && ("edge-" + from + "-" + to).equals(n.getId()));
    }

    /** The drawn points of connection {@code from → to} (x0, y0, x1, y1...), empty if not drawn. */
    List<Double> edgePoints(String from, String to) {
        for (javafx.scene.Node n : getChildren()) {
            if (("edge-" + from + "-" + to).equals(n.getId())) {
                if (n instanceof Polyline p) {
                    return List.copyOf(p.getPoints());
                }
                if (n instanceof CubicCurve c) {
                    return List.of(c.getStartX(), c.getStartY(), c.getEndX(), c.getEndY());
                }
            }
        }
        return List.of();
    }

    /** The connection {from, to} passing within {@code tolerance} (world units) of {@code p}, or null. */
    String[] edgeAt(Point2D p, double tolerance) {
        String[] best = null;
        double bestDistance = tolerance;
        for (javafx.scene.Node n : getChildren()) {
            if (n.getId() == null) {
                continue;
            }
            double d = n instanceof CubicCurve c ? distance(c, p)
                    : n instanceof Polyline l ? distance(l, p) : Double.MAX_VALUE;
            if (d <= bestDistance) {
                String[] ends = (String[]) n.getUserData();
                if (ends != null) {
                    best = ends;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /** Distance from {@code p} to a cubic curve, sampled finely enough for a pointer. */
    private static double distance(CubicCurve c, Point2D p) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i <= 48; i++) {
            double t = i / 48.0;
            double u = 1 - t;
            double x = u * u * u * c.getStartX() + 3 * u * u * t * c.getControlX1() + 3 * u * t * t * c.getControlX2()
                    + t * t * t * c.getEndX();
            double y = u * u * u * c.getStartY() + 3 * u * u * t * c.getControlY1() + 3 * u * t * t * c.getControlY2()
                    + t * t * t * c.getEndY();
            best = Math.min(best, Math.hypot(x - p.getX(), y - p.getY()));
        }
        return best;
    }

    /** Distance from {@code p} to a polyline. */
    private static double distance(Polyline l, Point2D p) {
        List<Double> pts = l.getPoints();
        double best = Double.MAX_VALUE;
        for (int i = 2; i + 1 < pts.size(); i += 2) {
            double ax = pts.get(i - 2);
            double ay = pts.get(i - 1);
            double bx = pts.get(i);
            double by = pts.get(i + 1);
            double len2 = (bx - ax) * (bx - ax) + (by - ay) * (by - ay);
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p.getX() - ax) * (bx - ax) + (p.getY() - ay) * (by - ay)) / len2));
            best = Math.min(best, Math.hypot(ax + t * (bx - ax) - p.getX(), ay + t * (by - ay) - p.getY()));
        }
        return best;
    }
}
