package org.convstudio.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Transform;
import javafx.scene.transform.Translate;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NodeInfo;
import org.convstudio.model.graph.AutoLayout;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.LayerType;

/**
 * The design canvas: block cards and connections on a zoomable, pannable world.
 *
 * <ul>
 *   <li>Drag a card to move it (all selected cards move; one undo step on release).</li>
 *   <li>Drag from a card's bottom port onto another card to connect.</li>
 *   <li>Click selects; Shift-click toggles; drag on the background draws a selection rectangle.</li>
 *   <li>Scroll or middle/right-drag pans; Ctrl+scroll or pinch zooms around the pointer.</li>
 * </ul>
 */
public final class DesignCanvas extends Region {

    public static final double MIN_ZOOM = 0.2;
    public static final double MAX_ZOOM = 3;

    private final DesignViewModel vm;
    private final Pane world = new Pane();
    private final Pane diagram = new Pane();
    private final Group edgeLayer = new Group();
    private final Pane cardLayer = new Pane();
    private final Line connectLine = new Line();
    private final Rectangle band = new Rectangle();
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Map<String, BlockCard> cards = new LinkedHashMap<>();

    // gesture state
    private Point2D pressWorld;
    private Point2D pressLocal;
    private Map<String, Point2D> dragOrigins;
    private boolean dragMoved;
    private String connectFrom;
    private BlockCard connectTarget;
    private boolean panning;
    private boolean banding;
    private boolean pendingFit;
    /** True from a fit until the user zooms or pans: resizing the window then fits the design again. */
    private boolean autoFit;
    /** Connections as the last layouts routed them, valid while both ends stay where that layout put them. */
    private final Map<String, Route> routes = new HashMap<>();
    /** The last layout ran left to right: connections leave a block's right side and enter its left. */
    private boolean horizontal;
    private boolean pendingRelayout;
    private AutoLayout.Result lastLayout;
    private double lastAspect;
    private volatile boolean layingOut;
    private List<Double> lastHeights = List.of();

    /** A routed connection and where its two blocks stood when it was routed. */
    private record Route(List<double[]> points, double fromX, double fromY, double toX, double toY) {
    }

    public DesignCanvas(DesignViewModel vm) {
        this.vm = vm;
        getStyleClass().add("design-canvas");
        setId("design-canvas");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        world.setManaged(false);
        world.getTransforms().addAll(pan, scale);
        world.setPickOnBounds(false);
        diagram.setPickOnBounds(false);
        cardLayer.setPickOnBounds(false);
        diagram.getChildren().addAll(edgeLayer, cardLayer);
        connectLine.getStyleClass().add("connect-line");
        connectLine.setVisible(false);
        connectLine.setMouseTransparent(true);
        world.getChildren().addAll(diagram, connectLine);

        band.getStyleClass().add("selection-band");
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
        getChildren().addAll(world, band);

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::backgroundPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::backgroundDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::backgroundReleased);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(ZoomEvent.ZOOM, e -> zoomAt(e.getZoomFactor(), e.getX(), e.getY()));
        refitOnResize();

        vm.networkProperty().addListener((o, a, n) -> rebuild());
        vm.getSelection().addListener((javafx.collections.SetChangeListener<String>) c -> showSelection());
        rebuild();
    }

    // ------------------------------------------------------------------ model → view

    private void rebuild() {
        Network net = vm.getNetwork();
        Analysis analysis = vm.getAnalysis();
        Map<String, BlockCard> keep = new HashMap<>();
        for (Node n : net.nodes()) {
            BlockCard card = cards.get(n.id());
            if (card == null) {
                card = createCard(n.id());
            }
            NodeInfo info = analysis == null ? null : analysis.info(n.id()).orElse(null);
            card.update(n, info, analysis == null ? List.of() : analysis.problemsFor(n.id()));
            card.relocate(n.x(), n.y());
            keep.put(n.id(), card);
        }
        for (var it = cards.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!keep.containsKey(e.getKey())) {
                cardLayer.getChildren().remove(e.getValue());
                it.remove();
            }
        }
        for (Node n : net.nodes()) {
            cards.putIfAbsent(n.id(), keep.get(n.id()));
        }
        showSelection();
        requestLayout();
    }

    private BlockCard createCard(String id) {
        BlockCard card = new BlockCard(id);
        card.setHorizontal(horizontal);
        card.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> cardPressed(card, e));
        card.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> cardDragged(card, e));
        card.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> cardReleased(card, e));
        card.setOnContextMenuRequested(e -> {
            if (!vm.getSelection().contains(id)) {
                vm.getSelection().clear();
                vm.getSelection().add(id);
            }
            MenuItem dup = new MenuItem("Duplicate");
            dup.setOnAction(a -> vm.duplicateSelection());
            MenuItem del = new MenuItem("Delete");
            del.setOnAction(a -> vm.deleteSelection());
            new ContextMenu(dup, del).show(card, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        cards.put(id, card);
        cardLayer.getChildren().add(card);
        return card;
    }

    private void showSelection() {
        for (var e : cards.entrySet()) {
            e.getValue().setSelected(vm.getSelection().contains(e.getKey()));
        }
    }

    private void rebuildEdges() {
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
        edgeLayer.getChildren().setAll(curves);
    }

    private javafx.scene.shape.Shape edge(BlockCard src, BlockCard to) {
        javafx.scene.shape.Shape c = routed(src, to);
        if (c == null) {
            c = curve(src, to);
        }
        c.getStyleClass().add("edge");
        c.setFill(null);
        c.setId("edge-" + src.nodeId() + "-" + to.nodeId());
        c.setUserData(new String[] {src.nodeId(), to.nodeId()});
        javafx.scene.shape.Shape shape = c;
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

    // ------------------------------------------------------------------ layout

    /**
     * Lays {@code net} out with the measured sizes of the cards (estimated for blocks not shown yet) for
     * this canvas's shape, and remembers the routes so that they are drawn while the blocks stay put.
     */
    public Network layoutNetwork(Network net) {
        AutoLayout.Sizes sz = sizes();
        double aspect = aspect();
        List<Double> heights = net.nodes().stream().map(sz::height).toList();
        if (lastLayout != null && net.equals(lastLayout.network()) && Math.abs(aspect - lastAspect) < 0.05
                && heights.equals(lastHeights)) {
            return net; // already laid out for this view and these cards (a held-down Ctrl+L)
        }
        AutoLayout.Result r = AutoLayout.layout(net, sz, aspect);
        lastLayout = r;
        lastAspect = aspect;
        lastHeights = heights;
        remember(r, 0, 0);
        return r.network();
    }

    /**
     * For a design opened from a file: if its blocks stand where the layout would put them (moved as a
     * whole), the layout's routes are used; otherwise connections are drawn as curves until Auto Layout.
     */
    public void adoptRoutes() {
        Network net = vm.getNetwork();
        if (net.nodes().isEmpty()) {
            return;
        }
        AutoLayout.Sizes sizes = sizes();
        for (boolean h : new boolean[] {false, true}) {
            AutoLayout.Result r = AutoLayout.layout(net, sizes, aspect(), h);
            Node first = net.nodes().get(0);
            Node laid = r.network().node(first.id()).orElseThrow();
            double dx = first.x() - laid.x();
            double dy = first.y() - laid.y();
            boolean same = net.nodes().stream().allMatch(n -> {
                Node m = r.network().node(n.id()).orElseThrow();
                return Math.abs(m.x() + dx - n.x()) < 1.5 && Math.abs(m.y() + dy - n.y()) < 1.5;
            });
            if (same) {
                remember(r, dx, dy);
                rebuild();
                return;
            }
        }
    }

    /** Lays the loaded design out again once its cards have their real sizes (presets, new designs). */
    public void relayoutWhenShown() {
        pendingRelayout = true;
        requestLayout();
    }

    /** Whether the connection {@code from → to} is drawn along a routed path (tests). */
    public boolean isRouted(String from, String to) {
        return edgeLayer.getChildren().stream().anyMatch(n -> n instanceof Polyline
                && ("edge-" + from + "-" + to).equals(n.getId()));
    }

    /** The drawn points of connection {@code from → to} (x0, y0, x1, y1...), empty if not drawn. */
    public List<Double> edgePoints(String from, String to) {
        for (javafx.scene.Node n : edgeLayer.getChildren()) {
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

    /** A background layout (preset, start-up) is under way (tests). */
    public boolean isLayingOut() {
        return layingOut || pendingRelayout;
    }

    public boolean isHorizontal() {
        return horizontal;
    }

    private void remember(AutoLayout.Result r, double dx, double dy) {
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

    /** The cards' heights, measured once per layout (CSS is applied only to cards never laid out yet). */
    private AutoLayout.Sizes sizes() {
        Map<String, Double> heights = new HashMap<>();
        if (getScene() != null && cards.values().stream().anyMatch(c -> c.getHeight() <= 0)) {
            applyCss(); // once for all new cards (per card it would restyle the whole scene each time)
        }
        for (var e : cards.entrySet()) {
            BlockCard c = e.getValue();
            if (c.getScene() == null) {
                continue;
            }
            heights.put(e.getKey(), Math.ceil(c.prefHeight(BlockCard.WIDTH)));
        }
        return new AutoLayout.Sizes() {
            @Override
            public double width(Node n) {
                return BlockCard.WIDTH;
            }

            @Override
            public double height(Node n) {
                return heights.getOrDefault(n.id(), AutoLayout.DEFAULT_HEIGHT);
            }
        };
    }

    private double aspect() {
        return getWidth() > 50 && getHeight() > 50 ? getWidth() / getHeight() : AutoLayout.DEFAULT_ASPECT;
    }

    @Override
    protected void layoutChildren() {
        world.resize(Math.max(1, getWidth()), Math.max(1, getHeight()));
        world.layout();
        rebuildEdges();
        if (pendingRelayout && getWidth() > 0 && getScene() != null) {
            pendingRelayout = false;
            // measured here, laid out on a worker (the first layout loads ELK: seconds on a busy machine)
            Network net = vm.getNetwork();
            AutoLayout.Sizes sizes = sizes();
            Map<String, double[]> measured = new HashMap<>();
            for (Node n : net.nodes()) {
                measured.put(n.id(), new double[] {sizes.width(n), sizes.height(n)});
            }
            double aspect = aspect();
            layingOut = true;
            org.convstudio.ui.common.Background.submit(() -> AutoLayout.layout(net, AutoLayout.Sizes.of(measured), aspect),
                    r -> {
                        layingOut = false;
                        if (vm.getNetwork() == net) { // not edited meanwhile
                            lastLayout = r;
                            lastAspect = aspect;
                            remember(r, 0, 0);
                            vm.load(r.network(), vm.getFile());
                            fit();
                        }
                    }, e -> layingOut = false);
        }
        if (pendingFit && getWidth() > 0 && !cards.isEmpty()) {
            pendingFit = false;
            fit();
        }
    }

    // ------------------------------------------------------------------ view transforms

    public double getZoom() {
        return scale.getX();
    }

    /** The zoom factor (1 = 100 %), observable. */
    public javafx.beans.value.ObservableDoubleValue zoomProperty() {
        return scale.xProperty();
    }

    private double presentationScale = 1;

    /**
     * Large Text (projector): the whole diagram is drawn this much larger at "actual size" and when
     * fitted, so blocks, text and connections grow together.
     */
    public void setPresentationScale(double s) {
        if (s != presentationScale) {
            double k = s / presentationScale;
            presentationScale = s;
            if (autoFit) {
                fit();
            } else {
                zoomAt(k, getWidth() / 2, getHeight() / 2);
            }
        }
    }

    public double getPresentationScale() {
        return presentationScale;
    }

    public void setZoom(double z) {
        zoomAt(z / getZoom(), getWidth() / 2, getHeight() / 2);
    }

    /** Multiplies the zoom by {@code factor}, keeping the point under ({@code x}, {@code y}) fixed. */
    public void zoomAt(double factor, double x, double y) {
        double old = getZoom();
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM * presentationScale, old * factor));
        if (z == old) {
            return;
        }
        double k = z / old;
        autoFit = false;
        pan.setX(x - (x - pan.getX()) * k);
        pan.setY(y - (y - pan.getY()) * k);
        scale.setX(z);
        scale.setY(z);
    }

    /** Zooms and pans so the whole design is visible (at most 100 %). */
    public void fit() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            pendingFit = true;
            requestLayout();
            return;
        }
        Rectangle2D b = contentBounds();
        if (b == null) {
            scale.setX(1);
            scale.setY(1);
            pan.setX(0);
            pan.setY(0);
            return;
        }
        double margin = 48;
        double z = Math.min((getWidth() - 2 * margin) / b.getWidth(), (getHeight() - 2 * margin) / b.getHeight());
        z = Math.max(MIN_ZOOM, Math.min(presentationScale, z));
        scale.setX(z);
        scale.setY(z);
        pan.setX((getWidth() - b.getWidth() * z) / 2 - b.getMinX() * z);
        pan.setY(Math.max(margin / 2, (getHeight() - b.getHeight() * z) / 2) - b.getMinY() * z);
        autoFit = true;
    }

    /** Fits once the canvas has a size (used after loading a design). */
    /** Fits again when the canvas is resized, as long as the user has not zoomed or panned since. */
    private void refitOnResize() {
        javafx.beans.value.ChangeListener<Number> refit = (o, a, b) -> {
            if (autoFit && !pendingFit) {
                javafx.application.Platform.runLater(() -> {
                    if (autoFit) {
                        fit();
                    }
                });
            }
        };
        widthProperty().addListener(refit);
        heightProperty().addListener(refit);
    }

    public void fitWhenShown() {
        pendingFit = true;
        requestLayout();
    }

    private Rectangle2D contentBounds() {
        if (cards.isEmpty()) {
            return null;
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (BlockCard c : cards.values()) {
            double h = c.getHeight() > 0 ? c.getHeight() : c.prefHeight(BlockCard.WIDTH);
            minX = Math.min(minX, c.getLayoutX());
            minY = Math.min(minY, c.getLayoutY());
            maxX = Math.max(maxX, c.getLayoutX() + BlockCard.WIDTH);
            maxY = Math.max(maxY, c.getLayoutY() + h);
        }
        return new Rectangle2D(minX, minY, Math.max(1, maxX - minX), Math.max(1, maxY - minY));
    }

    /** Canvas-local point → world (design) coordinates. */
    public Point2D toWorld(double x, double y) {
        return new Point2D((x - pan.getX()) / getZoom(), (y - pan.getY()) / getZoom());
    }

    /** World (design) point → canvas-local coordinates. */
    public Point2D toLocal(double wx, double wy) {
        return new Point2D(pan.getX() + wx * getZoom(), pan.getY() + wy * getZoom());
    }

    /** True if the scene point lies on the canvas (palette drops). */
    public boolean containsScene(double sceneX, double sceneY) {
        Point2D p = sceneToLocal(sceneX, sceneY);
        return p != null && p.getX() >= 0 && p.getY() >= 0 && p.getX() <= getWidth() && p.getY() <= getHeight();
    }

    /**
     * Drops a new block of {@code type} centred at the scene point. Dropped onto a connection, a block
     * that takes one input is inserted there (the connection now runs through it).
     */
    public String dropBlock(LayerType type, double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        Point2D w = toWorld(local.getX(), local.getY());
        double x = w.getX() - BlockCard.WIDTH / 2;
        double y = w.getY() - 30;
        if (type.minInputs() == 1 && type.maxInputs() == 1) {
            String[] edge = edgeAt(w, EDGE_HIT_PIXELS / getZoom());
            if (edge != null) {
                String id = vm.insertBlock(type, edge[0], edge[1], x, y);
                if (autoFit) {
                    fitWhenShown(); // the design grew to make room: keep it all in view
                }
                return id;
            }
        }
        return vm.addBlock(type, x, y);
    }

    /** How close (screen pixels) a drop must come to a connection to land on it. */
    static final double EDGE_HIT_PIXELS = 14;

    /** The connection {from, to} passing within {@code tolerance} (world units) of {@code p}, or null. */
    String[] edgeAt(Point2D p, double tolerance) {
        String[] best = null;
        double bestDistance = tolerance;
        for (javafx.scene.Node n : edgeLayer.getChildren()) {
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

    /** Adds a block at the centre of the visible area (palette double-click). */
    public String addAtCentre(LayerType type) {
        Point2D w = toWorld(getWidth() / 2, getHeight() / 2);
        return vm.addBlock(type, w.getX() - BlockCard.WIDTH / 2, w.getY() - 30);
    }

    public BlockCard card(String id) {
        return cards.get(id);
    }

    // ------------------------------------------------------------------ gestures: cards

    private void cardPressed(BlockCard card, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        requestFocus();
        Point2D w = toWorld(sceneToLocal(e.getSceneX(), e.getSceneY()).getX(), sceneToLocal(e.getSceneX(), e.getSceneY()).getY());
        pressWorld = w;
        if (e.getTarget() == card.outPort()) {
            connectFrom = card.nodeId();
            double sx = card.getLayoutX() + card.getWidth() / 2;
            double sy = card.getLayoutY() + card.getHeight();
            connectLine.setStartX(sx);
            connectLine.setStartY(sy);
            connectLine.setEndX(sx);
            connectLine.setEndY(sy);
            connectLine.setVisible(true);
            e.consume();
            return;
        }
        var sel = vm.getSelection();
        if (e.isShiftDown() || e.isShortcutDown()) {
            if (!sel.remove(card.nodeId())) {
                sel.add(card.nodeId());
            }
        } else if (!sel.contains(card.nodeId())) {
            sel.clear();
            sel.add(card.nodeId());
        }
        dragOrigins = new HashMap<>();
        for (String id : sel) {
            BlockCard c = cards.get(id);
            if (c != null) {
                dragOrigins.put(id, new Point2D(c.getLayoutX(), c.getLayoutY()));
            }
        }
        dragMoved = false;
        e.consume();
    }

    private void cardDragged(BlockCard card, MouseEvent e) {
        if (pressWorld == null) {
            return;
        }
        Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
        Point2D w = toWorld(local.getX(), local.getY());
        if (connectFrom != null) {
            connectLine.setEndX(w.getX());
            connectLine.setEndY(w.getY());
            BlockCard target = cardAt(w);
            if (target != connectTarget) {
                if (connectTarget != null) {
                    connectTarget.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), false);
                }
                connectTarget = target != null && !target.nodeId().equals(connectFrom) ? target : null;
                if (connectTarget != null) {
                    connectTarget.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), true);
                }
            }
        } else if (dragOrigins != null) {
            double dx = w.getX() - pressWorld.getX();
            double dy = w.getY() - pressWorld.getY();
            if (Math.abs(dx) + Math.abs(dy) > 1) {
                dragMoved = true;
            }
            for (var o : dragOrigins.entrySet()) {
                BlockCard c = cards.get(o.getKey());
                if (c != null) {
                    c.relocate(o.getValue().getX() + dx, o.getValue().getY() + dy);
                }
            }
            rebuildEdges();
        }
        e.consume();
    }

    private void cardReleased(BlockCard card, MouseEvent e) {
        if (pressWorld == null) {
            return;
        }
        Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
        Point2D w = toWorld(local.getX(), local.getY());
        if (connectFrom != null) {
            connectLine.setVisible(false);
            if (connectTarget != null) {
                connectTarget.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), false);
            }
            BlockCard target = cardAt(w);
            String from = connectFrom;
            connectFrom = null;
            connectTarget = null;
            if (target != null) {
                vm.connect(from, target.nodeId());
            }
        } else if (dragOrigins != null && dragMoved) {
            double dx = w.getX() - pressWorld.getX();
            double dy = w.getY() - pressWorld.getY();
            List<String> ids = new ArrayList<>(dragOrigins.keySet());
            if (!vm.moveBy(ids, dx, dy)) {
                rebuild();
            }
        }
        pressWorld = null;
        dragOrigins = null;
        e.consume();
    }

    private BlockCard cardAt(Point2D world) {
        BlockCard hit = null;
        for (BlockCard c : cards.values()) {
            Bounds b = c.getBoundsInParent();
            if (b.contains(world)) {
                hit = c; // last one wins: drawn on top
            }
        }
        return hit;
    }

    // ------------------------------------------------------------------ gestures: background

    private void backgroundPressed(MouseEvent e) {
        requestFocus();
        pressLocal = new Point2D(e.getX(), e.getY());
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY) {
            panning = true;
            pressWorld = new Point2D(pan.getX(), pan.getY());
        } else if (e.getButton() == MouseButton.PRIMARY) {
            banding = true;
            if (!e.isShiftDown() && !e.isShortcutDown()) {
                vm.getSelection().clear();
            }
            band.setX(e.getX());
            band.setY(e.getY());
            band.setWidth(0);
            band.setHeight(0);
        }
        e.consume();
    }

    private void backgroundDragged(MouseEvent e) {
        if (panning && pressWorld != null) {
            autoFit = false;
            pan.setX(pressWorld.getX() + e.getX() - pressLocal.getX());
            pan.setY(pressWorld.getY() + e.getY() - pressLocal.getY());
        } else if (banding) {
            band.setVisible(true);
            band.setX(Math.min(pressLocal.getX(), e.getX()));
            band.setY(Math.min(pressLocal.getY(), e.getY()));
            band.setWidth(Math.abs(e.getX() - pressLocal.getX()));
            band.setHeight(Math.abs(e.getY() - pressLocal.getY()));
        }
        e.consume();
    }

    private void backgroundReleased(MouseEvent e) {
        if (banding && band.isVisible()) {
            Point2D a = toWorld(band.getX(), band.getY());
            Point2D b = toWorld(band.getX() + band.getWidth(), band.getY() + band.getHeight());
            javafx.geometry.BoundingBox box = new javafx.geometry.BoundingBox(a.getX(), a.getY(),
                    b.getX() - a.getX(), b.getY() - a.getY());
            for (BlockCard c : cards.values()) {
                if (box.intersects(c.getBoundsInParent())) {
                    vm.getSelection().add(c.nodeId());
                }
            }
        }
        band.setVisible(false);
        banding = false;
        panning = false;
        pressWorld = null;
        e.consume();
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) {
            zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        } else {
            autoFit = false;
            pan.setX(pan.getX() + e.getDeltaX());
            pan.setY(pan.getY() + e.getDeltaY());
        }
        e.consume();
    }

    // ------------------------------------------------------------------ export

    /** Renders the whole diagram at {@code pixelScale} on the given background. FX thread. */
    public WritableImage renderDiagram(double pixelScale, Color background) {
        layout();
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(background);
        p.setTransform(Transform.scale(pixelScale, pixelScale));
        Rectangle2D b = contentBounds();
        if (b != null) {
            double m = 24;
            p.setViewport(new Rectangle2D((b.getMinX() - m) * pixelScale, (b.getMinY() - m) * pixelScale,
                    (b.getWidth() + 2 * m) * pixelScale, (b.getHeight() + 2 * m) * pixelScale));
        }
        return diagram.snapshot(p, null);
    }
}
